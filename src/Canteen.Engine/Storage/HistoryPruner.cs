using Canteen.Engine.Ordering;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Canteen.Engine.Storage;

/// <summary>
/// Deletes rows that are only history once they are older than a retention, so a table holds days, not the whole
/// life of the system. Runs at start and then every interval; deletes through the order writer like every write, a
/// bounded number of rows per commit, so guests' commits never wait behind a long delete.
/// </summary>
public abstract partial class HistoryPruner(OrderWriter writer, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>Rows older than this go; zero or less turns the pruner off.</summary>
    protected abstract TimeSpan Retention { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>What the rows are, for the log.</summary>
    protected abstract string What { get; }

    /// <summary>One bounded delete of rows from before <paramref name="before"/>.</summary>
    protected abstract StorageWrite Prune(DateTimeOffset before);

    /// <summary>Whether rows from before <paramref name="before"/> are still stored.</summary>
    protected abstract Task<bool> AnyLeftAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>
    /// One pass: deletes everything past retention, a commit at a time, and returns the number of commits it took
    /// (0 when pruning is off or nothing was old enough).
    /// </summary>
    public async Task<int> PruneOnceAsync(CancellationToken cancellationToken)
    {
        if (Retention <= TimeSpan.Zero)
        {
            return 0;
        }

        var before = time.GetUtcNow() - Retention;
        var write = Prune(before);
        var commits = 0;
        while (await AnyLeftAsync(before, cancellationToken))
        {
            await writer.SubmitWaitingAsync(write, cancellationToken);
            commits++;
        }

        LogPruned(What, before, commits);
        return commits;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Retention <= TimeSpan.Zero || Interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
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
                    LogPruneFailed(ex, What);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {What} from before {Before} in {Commits} commits")]
    private partial void LogPruned(string what, DateTimeOffset before, int commits);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning old {What} failed; trying again at the next interval")]
    private partial void LogPruneFailed(Exception error, string what);
}
