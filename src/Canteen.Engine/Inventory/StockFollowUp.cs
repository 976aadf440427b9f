using Canteen.Engine.Payments;
using Canteen.Engine.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Canteen.Engine.Inventory;

/// <summary>
/// Moves a hold in the stock authority after storage has committed the order change that decided it (confirm on
/// payment, cancel on cancellation, return on refund), and keeps retrying with back-off until the authority takes it
/// (DESIGN §5: these compensations must eventually succeed). Storage is already right, so nobody waits for the
/// retries: the first attempt runs inline, the rest in the background, and every step records how many attempts it
/// needed (<c>canteen.saga.step.attempts</c>; the alert fires above 3).
/// </summary>
/// <remarks>
/// Every authority's Confirm, Cancel and Return is idempotent per order, so repeating one after a timeout whose
/// first try did land changes nothing. After a crash the in-process ledger is rebuilt from storage; a shared
/// authority (Redis, PostgreSQL) is brought in line by <see cref="Payments.PaymentSagaRunner"/> replaying the
/// confirmations storage holds.
/// </remarks>
public sealed partial class StockFollowUp(IStockAuthority stock, TimeProvider time, IOptions<PaymentOptions> options, ILogger<StockFollowUp> logger)
{
    private readonly PaymentOptions _options = options.Value;

    public Task ConfirmAsync(long orderId) => RunAsync("stock_confirm", orderId, async ct => await stock.ConfirmAsync(orderId, ct));

    public Task CancelAsync(long orderId) => RunAsync("stock_cancel", orderId, async ct => await stock.CancelAsync(orderId, ct));

    public Task ReturnAsync(long orderId) => RunAsync("stock_return", orderId, async ct => await stock.ReturnAsync(orderId, ct));

    private async Task RunAsync(string step, long orderId, Func<CancellationToken, Task> move)
    {
        var started = time.GetTimestamp();
        try
        {
            await move(CancellationToken.None);
            SagaMetrics.StepFinished("order", step, "succeeded", 1, time.GetElapsedTime(started));
        }
        catch (Exception ex)
        {
            LogRetrying(ex, step, orderId);
            _ = Task.Run(() => RetryAsync(step, orderId, move, started));
        }
    }

    private async Task RetryAsync(string step, long orderId, Func<CancellationToken, Task> move, long started)
    {
        for (var attempt = 2; ; attempt++)
        {
            await Task.Delay(Backoff.Of(attempt - 1, _options), time);
            try
            {
                await move(CancellationToken.None);
                SagaMetrics.StepFinished("order", step, "succeeded", attempt, time.GetElapsedTime(started));
                if (attempt > _options.StepAttemptsBeforeWarning)
                {
                    LogRecovered(step, orderId, attempt);
                }

                return;
            }
            catch (Exception ex)
            {
                if (attempt >= _options.StepAttemptsBeforeWarning)
                {
                    LogStillFailing(ex, step, orderId, attempt);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stock step {Step} for order {OrderId} failed; retrying in the background")]
    private partial void LogRetrying(Exception error, string step, long orderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stock step {Step} for order {OrderId} still failing after {Attempts} attempts; retrying")]
    private partial void LogStillFailing(Exception error, string step, long orderId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stock step {Step} for order {OrderId} succeeded after {Attempts} attempts")]
    private partial void LogRecovered(string step, long orderId, int attempts);
}
