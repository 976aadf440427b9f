using Canteen.Engine.Ordering;
using Canteen.Engine.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Canteen.Engine.Outbox;

/// <summary>
/// Deletes sent outbox events and the consumers' inbox records once they are older than
/// <see cref="OutboxOptions.Retention"/>, so the two tables hold days, not the whole life of the system (an order that
/// is paid and collected writes six events, about 525 bytes each with its inbox record: roughly half of what it leaves
/// on disk). Runs where the relay runs, every
/// <see cref="OutboxOptions.PruneInterval"/>, through the order writer like all writes, in commits of at most
/// <see cref="OutboxOptions.PruneBatchSize"/> rows per table so guests' commits never wait behind a long delete.
/// </summary>
public sealed partial class OutboxPruner(
    IOutboxStore outbox,
    OrderWriter writer,
    IEnumerable<IEventConsumer> consumers,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxPruner> logger) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;
    private readonly string[] _consumers = [.. consumers.Select(c => c.Name).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// One pass: deletes everything past retention, a commit at a time, and returns the number of commits it took
    /// (0 when pruning is off or nothing was old enough).
    /// </summary>
    public async Task<int> PruneOnceAsync(CancellationToken cancellationToken)
    {
        if (_options.Retention <= TimeSpan.Zero)
        {
            return 0;
        }

        var before = time.GetUtcNow() - _options.Retention;
        var write = new PruneEvents(before, _consumers, Math.Max(1, _options.PruneBatchSize));
        var commits = 0;
        // The inbox goes with the outbox (each commit takes as many of each consumer's records as of the events): an
        // event's inbox records are only needed while it may be delivered again.
        while (await outbox.AnySentBeforeAsync(before, cancellationToken))
        {
            await writer.SubmitWaitingAsync(write, cancellationToken);
            commits++;
        }

        LogPruned(commits, before);
        return commits;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.Retention <= TimeSpan.Zero || _options.PruneInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.PruneInterval, time);
        try
        {
            do
            {
                try
                {
                    await PruneOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Nothing is lost by pruning late; the next tick tries again.
                    LogPruneFailed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned outbox and inbox rows of events before {Before} in {Commits} commits")]
    private partial void LogPruned(int commits, DateTimeOffset before);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning old outbox and inbox rows failed; trying again at the next interval")]
    private partial void LogPruneFailed(Exception error);
}
