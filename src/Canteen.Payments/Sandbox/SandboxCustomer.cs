using System.Globalization;
using System.Text.Json;
using Canteen.Engine.Payments;
using Microsoft.Extensions.Logging;

namespace Canteen.Payments.Sandbox;

/// <summary>
/// The guest at the sandbox's pay page: pays or declines, after which the sandbox sends its signed callback through
/// <see cref="PaymentCallbacks"/>, exactly as a provider's notification arrives. Callback faults apply here: a lost
/// callback is never sent, a duplicated one twice, a reordered one later, in the background.
/// </summary>
public sealed partial class SandboxCustomer(
    SandboxBank bank,
    SandboxSigner signer,
    SandboxFaults faults,
    PaymentCallbacks callbacks,
    TimeProvider time,
    ILogger<SandboxCustomer> logger)
{
    /// <summary>Pays (or declines) a pending sandbox payment. Returns the trade as it is now; null if the sandbox never opened it.</summary>
    public async Task<SandboxTrade?> SettleAsync(long paymentId, bool pay, CancellationToken cancellationToken)
    {
        var before = bank.Find(paymentId);
        if (before is null)
        {
            return null;
        }

        // Like a real provider given time_expire: past the order's deadline the payment can only be closed.
        var after = before is { Status: SandboxTradeStatus.Pending, ExpiresAt: { } expires } && time.GetUtcNow() >= expires
            ? bank.Close(paymentId)
            : bank.Settle(paymentId, pay)!;
        if (before.Status == SandboxTradeStatus.Pending && after.Status is SandboxTradeStatus.Paid or SandboxTradeStatus.Declined)
        {
            await NotifyAsync(after, cancellationToken);
        }

        return after;
    }

    private async Task NotifyAsync(SandboxTrade trade, CancellationToken cancellationToken)
    {
        var settings = faults.Current;
        if (SandboxFaults.Roll(settings.LostCallbackRate))
        {
            LogLost(trade.PaymentId);
            return;
        }

        var copies = SandboxFaults.Roll(settings.DuplicateCallbackRate) ? 2 : 1;
        if (SandboxFaults.Roll(settings.ReorderCallbackRate))
        {
            var delay = SandboxFaults.Upto(settings.ReorderDelay);
            _ = Task.Run(async () =>
            {
                await Task.Delay(delay, time, CancellationToken.None);
                await SendAsync(trade, copies, CancellationToken.None);
            }, CancellationToken.None);
            return;
        }

        await SendAsync(trade, copies, cancellationToken);
    }

    private async Task SendAsync(SandboxTrade trade, int copies, CancellationToken cancellationToken)
    {
        var notice = new SandboxNotice(
            trade.PaymentId.ToString(CultureInfo.InvariantCulture),
            trade.Status == SandboxTradeStatus.Paid ? "paid" : "declined",
            trade.TransactionId,
            trade.AmountMinor,
            trade.Currency);
        for (var copy = 0; copy < copies; copy++)
        {
            // Signed afresh per copy, like a provider's retry; each goes through the full verification.
            var body = JsonSerializer.SerializeToUtf8Bytes(notice, SandboxJsonContext.Default.SandboxNotice);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                [SandboxSigner.SignatureHeader] = signer.SignCallback(body, time.GetUtcNow()),
            };
            try
            {
                await callbacks.HandleAsync(SandboxProvider.ProviderName, new ProviderCallbackRequest(headers, body, "application/json"), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A provider whose callback fails does not give up at once, but the saga's active query is the net here.
                LogCallbackFailed(ex, trade.PaymentId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox fault: the callback for payment {PaymentId} is lost")]
    private partial void LogLost(long paymentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sandbox callback for payment {PaymentId} was not accepted")]
    private partial void LogCallbackFailed(Exception error, long paymentId);
}
