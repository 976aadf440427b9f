namespace Canteen.Engine.Payments;

/// <summary>
/// Cash at the counter, recorded by staff: the money is in the till the moment the payment is recorded, so there is
/// nothing to open, ask about or close, and a refund is the cashier handing it back. It has no callbacks.
/// </summary>
public sealed class CashProvider : IPaymentProvider
{
    public const string ProviderName = "cash";

    public string Name => ProviderName;

    public IReadOnlyList<string> Methods => [];

    public Task<ProviderPayment> CreateAsync(ProviderPaymentRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ProviderPayment(null, null, null));

    public Task<ProviderPaymentState> QueryAsync(ProviderPaymentReference payment, CancellationToken cancellationToken) =>
        Task.FromResult(new ProviderPaymentState(ProviderPaymentStatus.Succeeded, null, payment?.Amount));

    public Task<ProviderPaymentState> CloseAsync(ProviderPaymentReference payment, CancellationToken cancellationToken) =>
        Task.FromResult(new ProviderPaymentState(ProviderPaymentStatus.Succeeded, null, payment?.Amount));

    public Task<ProviderRefundStatus> RefundAsync(ProviderRefundRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ProviderRefundStatus.Succeeded);

    public ProviderCallback VerifyCallback(ProviderCallbackRequest request) =>
        throw new CallbackRejectedException("Cash payments have no callbacks.");
}
