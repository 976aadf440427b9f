using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Canteen.Engine.Payments;

/// <summary>
/// Drives the payment saga's persisted to-do list: every sweep it takes the payments whose next check is due
/// (active queries, closes, refunds) and runs their steps concurrently. Nothing lives only in memory, so after a
/// crash the first sweep resumes whatever was due. Several instances may sweep the same storage: two of them
/// running one step both call the (idempotent) provider and the version check lets one record it.
/// </summary>
public sealed partial class PaymentSagaRunner(
    IPaymentStore payments,
    IStockStore stockStore,
    IStockAuthority stock,
    PaymentSaga saga,
    TimeProvider time,
    IOptions<PaymentOptions> options,
    ILogger<PaymentSagaRunner> logger) : BackgroundService
{
    private readonly PaymentOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ReplayConfirmationsAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                saga.Wake.Reset();
                var ran = await SweepAsync(stoppingToken);
                if (ran < _options.SweepBatchSize)
                {
                    await saga.Wake.WaitAsync(_options.SweepInterval, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: due steps stay due in storage and the next start runs them.
        }
    }

    private async Task<int> SweepAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<long> due;
        try
        {
            due = await payments.FindDuePaymentsAsync(time.GetUtcNow(), _options.SweepBatchSize, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogLookupFailed(ex);
            return 0;
        }

        await Task.WhenAll(due.Select(id => RunAsync(id, stoppingToken)));
        return due.Count;
    }

    private async Task RunAsync(long paymentId, CancellationToken stoppingToken)
    {
        try
        {
            await saga.RunDueStepAsync(paymentId, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Storage hiccup or a lost race: the step is still due in storage, so the next sweep runs it again.
            LogStepFailed(ex, paymentId);
        }
    }

    /// <summary>
    /// A crash between committing a payment and confirming its hold in a shared authority (Redis, PostgreSQL) would
    /// leave those portions reserved there forever; storage knows they are sold, so its confirmed holds are replayed
    /// at start-up. Confirm is idempotent: holds already confirmed change nothing (the in-process ledger, rebuilt from
    /// storage, always is).
    /// </summary>
    private async Task ReplayConfirmationsAsync(CancellationToken stoppingToken)
    {
        try
        {
            var holds = await stockStore.LoadActiveHoldsAsync(stoppingToken);
            foreach (var orderId in holds.Where(h => h.State == HoldState.Confirmed).Select(h => h.OrderId).Distinct())
            {
                await stock.ConfirmAsync(orderId, stoppingToken);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogReplayFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not look up due payment steps; retrying on the next sweep")]
    private partial void LogLookupFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment step for {PaymentId} failed; it stays due and runs again")]
    private partial void LogStepFailed(Exception error, long paymentId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not replay confirmed holds into the stock authority at start-up")]
    private partial void LogReplayFailed(Exception error);
}
