namespace Canteen.Engine.Payments;

/// <summary>
/// One payment provider (DESIGN §7). Every call is idempotent at the provider, keyed by our payment id (the merchant
/// trade number) or our refund id, so the saga may repeat any of them after a timeout or a crash without charging or
/// refunding twice. Calls that fail throw <see cref="PaymentProviderException"/> (or time out); the saga's resilience
/// pipeline decides whether to retry.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>The name used in requests, configuration and the callback path: <c>sandbox</c>, <c>cash</c>, <c>wechatpay</c>, <c>alipay</c>.</summary>
    string Name { get; }

    /// <summary>Methods this provider accepts (<c>native</c>, <c>jsapi</c>, <c>qr</c>); the first is the default. Empty when it has no methods.</summary>
    IReadOnlyList<string> Methods { get; }

    /// <summary>Opens the payment at the provider: where the guest pays, or what they scan.</summary>
    Task<ProviderPayment> CreateAsync(ProviderPaymentRequest request, CancellationToken cancellationToken);

    /// <summary>Asks the provider what became of a payment (the active query for missed callbacks).</summary>
    Task<ProviderPaymentState> QueryAsync(ProviderPaymentReference payment, CancellationToken cancellationToken);

    /// <summary>
    /// Closes an unpaid payment so it can no longer be paid. Returns <see cref="ProviderPaymentStatus.Succeeded"/>
    /// (with the state) when it turned out to be paid already, <see cref="ProviderPaymentStatus.Closed"/> otherwise.
    /// </summary>
    Task<ProviderPaymentState> CloseAsync(ProviderPaymentReference payment, CancellationToken cancellationToken);

    /// <summary>Refunds a captured payment; repeating the same <see cref="ProviderRefundRequest.RefundId"/> never refunds twice.</summary>
    Task<ProviderRefundStatus> RefundAsync(ProviderRefundRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Verifies a callback (signature, certificate serial, timestamp window) and decodes it. Throws
    /// <see cref="CallbackRejectedException"/> when anything does not check out; nothing may change then.
    /// </summary>
    ProviderCallback VerifyCallback(ProviderCallbackRequest request);
}
