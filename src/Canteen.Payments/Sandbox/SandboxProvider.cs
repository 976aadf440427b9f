using System.Globalization;
using System.Text.Json;
using Canteen.Core.Shared;
using Canteen.Engine.Payments;
using Microsoft.Extensions.Options;

namespace Canteen.Payments.Sandbox;

/// <summary>
/// The built-in provider for demos and tests (DESIGN §7): a local pay page instead of a bank, HMAC-signed callbacks
/// that go through the same verify-then-apply path as WeChat Pay's or Alipay's, and switchable faults
/// (<see cref="SandboxFaults"/>) on every call.
/// </summary>
public sealed class SandboxProvider(SandboxBank bank, SandboxSigner signer, SandboxFaults faults, TimeProvider time, IOptions<SandboxOptions> options)
    : IPaymentProvider
{
    public const string ProviderName = "sandbox";

    public string Name => ProviderName;

    public IReadOnlyList<string> Methods => [];

    public async Task<ProviderPayment> CreateAsync(ProviderPaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await MisbehaveAsync(cancellationToken);
        bank.Open(request.PaymentId, request.Amount.Minor, request.Amount.Currency, request.ExpiresAt);
        var id = request.PaymentId.ToString(CultureInfo.InvariantCulture);
        return new ProviderPayment(null, $"/sandbox/pay/{id}?ticket={signer.TicketFor(request.PaymentId)}", null);
    }

    public async Task<ProviderPaymentState> QueryAsync(ProviderPaymentReference payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        await MisbehaveAsync(cancellationToken);
        return StateOf(bank.Find(payment.PaymentId));
    }

    public async Task<ProviderPaymentState> CloseAsync(ProviderPaymentReference payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        await MisbehaveAsync(cancellationToken);
        return StateOf(bank.Close(payment.PaymentId));
    }

    public async Task<ProviderRefundStatus> RefundAsync(ProviderRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await MisbehaveAsync(cancellationToken);
        return bank.Refund(request.PaymentId, request.RefundId) is { Status: SandboxTradeStatus.Paid }
            ? ProviderRefundStatus.Succeeded
            : throw new PaymentProviderException(Name, "nothing_to_refund", $"Sandbox payment {request.PaymentId} was not paid.", transient: false);
    }

    public ProviderCallback VerifyCallback(ProviderCallbackRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.FirstOrDefault(h => string.Equals(h.Key, SandboxSigner.SignatureHeader, StringComparison.OrdinalIgnoreCase)).Value;
        if (signer.CheckCallback(header, request.Body, time.GetUtcNow(), options.Value.TimestampWindow) is { } reason)
        {
            throw new CallbackRejectedException(reason);
        }

        SandboxNotice? notice;
        try
        {
            notice = JsonSerializer.Deserialize(request.Body, SandboxJsonContext.Default.SandboxNotice);
        }
        catch (JsonException ex)
        {
            throw new CallbackRejectedException("The body is not a sandbox notice.", ex);
        }

        if (notice is null || !long.TryParse(notice.PaymentId, NumberStyles.None, CultureInfo.InvariantCulture, out var paymentId))
        {
            throw new CallbackRejectedException("The notice names no payment.");
        }

        var amount = new Money(notice.Amount, notice.Currency);
        var (status, kind) = notice.Status switch
        {
            "paid" => (ProviderPaymentStatus.Succeeded, ProviderCallbackKind.Payment),
            "declined" => (ProviderPaymentStatus.Failed, ProviderCallbackKind.Payment),
            "closed" => (ProviderPaymentStatus.Closed, ProviderCallbackKind.Payment),
            "refunded" => (ProviderPaymentStatus.Succeeded, ProviderCallbackKind.Refund),
            _ => throw new CallbackRejectedException($"Unknown status '{notice.Status}'."),
        };
        return new ProviderCallback(paymentId, new ProviderPaymentState(status, notice.TransactionId, amount), new CallbackAcknowledgement(204, null, null), kind);
    }

    internal static ProviderPaymentState StateOf(SandboxTrade? trade) => trade switch
    {
        null => new ProviderPaymentState(ProviderPaymentStatus.NotFound),
        { Status: SandboxTradeStatus.Paid } => new ProviderPaymentState(ProviderPaymentStatus.Succeeded, trade.TransactionId, new Money(trade.AmountMinor, trade.Currency)),
        { Status: SandboxTradeStatus.Declined } => new ProviderPaymentState(ProviderPaymentStatus.Failed),
        { Status: SandboxTradeStatus.Closed } => new ProviderPaymentState(ProviderPaymentStatus.Closed),
        _ => new ProviderPaymentState(ProviderPaymentStatus.Pending),
    };

    private async Task MisbehaveAsync(CancellationToken cancellationToken)
    {
        var now = faults.Current;
        if (SandboxFaults.Roll(now.LatencyRate))
        {
            await Task.Delay(now.Latency, time, cancellationToken);
        }

        if (SandboxFaults.Roll(now.ErrorRate))
        {
            throw new PaymentProviderException(Name, "sandbox_fault", "Injected sandbox failure.", transient: true);
        }
    }
}
