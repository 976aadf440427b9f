using Canteen.Core.Ordering;
using Canteen.Engine.Errors;
using Canteen.Engine.Storage;
using Canteen.Engine.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Canteen.Engine.Ordering;

/// <summary>
/// Cancels unpaid orders whose payment deadline has passed, which releases their held portions (DESIGN §5). The
/// deadlines live in storage behind an index, not in memory, so nothing is forgotten across a restart: the first
/// sweep after start-up cancels whatever expired while the process was down.
/// </summary>
/// <remarks>
/// Each sweep asks storage for expired ids and cancels them through <see cref="OrderLifecycle"/>, the same gate a
/// guest's cancel goes through: a guest who pays or cancels at the same moment wins or loses by version, and the
/// loser's 409 is expected here, not an error. The sweeper is registered after <see cref="EngineStartup"/>, so
/// hosted-service ordering starts it once the writer runs and stops it before the writer drains.
/// </remarks>
public sealed partial class ExpirySweeper(
    IOrderStore orders,
    OrderLifecycle lifecycle,
    TimeProvider time,
    IOptions<OrderingOptions> options,
    ILogger<ExpirySweeper> logger) : BackgroundService
{
    // Bounds one sweep when a backlog is larger than a page (after a long outage): the rest waits one interval.
    private const int MaxPagesPerSweep = 16;

    // Reads of expired orders at the same time. Each holds a pooled database connection while it runs (a queued cancel
    // holds none): with every one of 256 cancels in flight reading at once, PostgreSQL's 100 connections ran out.
    private const int MaxConcurrentReads = 16;

    private readonly SemaphoreSlim _reads = new(MaxConcurrentReads);

    private readonly OrderingOptions _options = options.Value;

    /// <summary>Raised after every sweep with the number of orders it cancelled (for metrics and tests).</summary>
    public event Action<int>? Swept;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Created before the first await so its schedule starts with the service; every wait goes through the
        // injected TimeProvider, which is what lets tests drive expiry with a fake clock.
        using var timer = new PeriodicTimer(_options.ExpirySweepInterval, time);
        try
        {
            do
            {
                var cancelled = await SweepAsync(stoppingToken);
                Swept?.Invoke(cancelled);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the writer is still running (it stops after us), so nothing half-done is left behind.
        }
    }

    private async Task<int> SweepAsync(CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var cancelled = 0;
        for (var page = 0; page < MaxPagesPerSweep; page++)
        {
            IReadOnlyList<long> expired;
            try
            {
                expired = await orders.FindExpiredAsync(now, _options.ExpiryBatchSize, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage hiccup: the deadlines are still in storage, so the next tick simply tries again.
                LogLookupFailed(ex);
                break;
            }

            // Cancelled in parallel, the page shares the writer's group commits instead of paying one fsync each. The
            // cancels wait among the system's places in the writer's queue, never in the guests' (when they took guests'
            // places, a page fired at once got 5.7 % of a lunch rush shed), and each waits for a commit, so how many are
            // in flight (ExpiryConcurrency) sets how fast orders can expire while guests keep the writer busy.
            var done = 0;
            await Parallel.ForEachAsync(
                expired,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.ExpiryConcurrency) },
                async (id, _) =>
                {
                    if (await ExpireAsync(id, stoppingToken))
                    {
                        Interlocked.Increment(ref done);
                    }
                });
            cancelled += done;
            if (expired.Count < _options.ExpiryBatchSize || done == 0)
            {
                break;
            }
        }

        if (cancelled > 0)
        {
            LogSwept(cancelled);
        }

        return cancelled;
    }

    private async Task<bool> ExpireAsync(long orderId, CancellationToken stoppingToken)
    {
        try
        {
            Order order;
            await _reads.WaitAsync(stoppingToken);
            try
            {
                order = await lifecycle.GetAsync(orderId, stoppingToken);
            }
            finally
            {
                _reads.Release();
            }

            await lifecycle.ExpireAsync(order, stoppingToken);
            CanteenMetrics.Hold(HoldOutcomes.Expired);
            LogExpired(orderId);
            return true;
        }
        catch (FailureException ex) when (ex.Failure.Code is FailureCodes.VersionConflict or FailureCodes.NotFound)
        {
            // The guest paid, retried or cancelled at the same moment; whoever committed first decided.
            LogRaced(orderId, ex.Failure.Code);
        }
        catch (InvalidTransitionException ex)
        {
            // Read after the guest's change landed: already paid or cancelled, nothing left to expire.
            LogRaced(orderId, ex.Code);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; the order is still expired in storage and the next start picks it up.
        }
        catch (Exception ex)
        {
            // Overload (503 from the writer) or a storage error: still expired in storage, so retried next tick.
            LogExpireFailed(ex, orderId);
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled {Count} unpaid orders past their payment deadline")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Order {OrderId} expired unpaid and was cancelled")]
    private partial void LogExpired(long orderId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Order {OrderId} changed while expiring ({Code}); left as it is")]
    private partial void LogRaced(long orderId, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not cancel expired order {OrderId}; retrying on the next sweep")]
    private partial void LogExpireFailed(Exception error, long orderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not look up expired orders; retrying on the next sweep")]
    private partial void LogLookupFailed(Exception error);
}
