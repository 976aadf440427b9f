using Canteen.Engine.Ordering;
using Canteen.Engine.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Canteen.Engine.Outbox;

/// <summary>
/// Deletes sent outbox events and the consumers' inbox records once they are older than
/// <see cref="OutboxOptions.Retention"/> (an order that is paid and collected writes six events, about 525 bytes each
/// with its inbox record: roughly half of what it leaves on disk). Runs where the relay runs, at most
/// <see cref="OutboxOptions.PruneBatchSize"/> rows per table per commit.
/// </summary>
public sealed class OutboxPruner(
    IOutboxStore outbox,
    OrderWriter writer,
    IEnumerable<IEventConsumer> consumers,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxPruner> logger) : HistoryPruner(writer, time, logger)
{
    private readonly OutboxOptions _options = options.Value;
    private readonly string[] _consumers = [.. consumers.Select(c => c.Name).Distinct(StringComparer.Ordinal)];

    protected override TimeSpan Retention => _options.Retention;

    protected override TimeSpan Interval => _options.PruneInterval;

    protected override string What => "sent outbox events and inbox records";

    // The inbox goes with the outbox (each commit takes as many of each consumer's records as of the events): an
    // event's inbox records are only needed while it may be delivered again.
    protected override StorageWrite Prune(DateTimeOffset before) => new PruneEvents(before, _consumers, Math.Max(1, _options.PruneBatchSize));

    protected override Task<bool> AnyLeftAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        outbox.AnySentBeforeAsync(before, cancellationToken);
}
