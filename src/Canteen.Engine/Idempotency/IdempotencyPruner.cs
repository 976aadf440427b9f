using Canteen.Engine.Ordering;
using Canteen.Engine.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Canteen.Engine.Idempotency;

/// <summary>
/// Deletes idempotency records older than <see cref="IdempotencyOptions.Retention"/>. Each holds the response it
/// replays (about 1.3 KB for an order), which made them the largest table of a busy store's file.
/// </summary>
public sealed class IdempotencyPruner(
    IIdempotencyStore store,
    OrderWriter writer,
    TimeProvider time,
    IOptions<IdempotencyOptions> options,
    ILogger<IdempotencyPruner> logger) : HistoryPruner(writer, time, logger)
{
    private readonly IdempotencyOptions _options = options.Value;

    protected override TimeSpan Retention => _options.Retention;

    protected override TimeSpan Interval => _options.PruneInterval;

    protected override string What => "idempotency records";

    protected override StorageWrite Prune(DateTimeOffset before) => new PruneIdempotency(before, Math.Max(1, _options.PruneBatchSize));

    protected override Task<bool> AnyLeftAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        store.AnyCreatedBeforeAsync(before, cancellationToken);
}
