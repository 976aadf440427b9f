using Canteen.Core.Shared;

namespace Canteen.Engine.Payments;

/// <param name="PaymentId">Our payment id: the merchant trade number (<c>out_trade_no</c>).</param>
/// <param name="OrderId">The order, for the description and attach fields.</param>
/// <param name="StoreId">The store.</param>
/// <param name="Amount">What to charge, in minor units (fen for CNY).</param>
/// <param name="Description">What the guest sees on the provider's page.</param>
/// <param name="Method">The method (<c>native</c>, <c>jsapi</c>, <c>qr</c>), or null for the provider's default.</param>
/// <param name="PayerId">The payer's id at the provider, where the method needs one (WeChat JSAPI <c>openid</c>).</param>
/// <param name="ExpiresAt">The order's payment deadline: the provider should refuse payment after it.</param>
public sealed record ProviderPaymentRequest(
    long PaymentId,
    long OrderId,
    string StoreId,
    Money Amount,
    string Description,
    string? Method,
    string? PayerId,
    DateTimeOffset ExpiresAt);

/// <summary>What the provider returned for a new payment.</summary>
/// <param name="ProviderReference">The provider's id for it, if it gives one at creation (WeChat <c>prepay_id</c>).</param>
/// <param name="PayUrl">A page where the guest pays.</param>
/// <param name="CodeUrl">A QR payload the guest scans.</param>
/// <param name="ClientParameters">What an in-app client needs to start paying (WeChat JSAPI: appId, timeStamp, nonceStr,
/// package, signType, paySign), signed by us; returned to the caller once, never stored.</param>
public sealed record ProviderPayment(
    string? ProviderReference,
    string? PayUrl,
    string? CodeUrl,
    IReadOnlyDictionary<string, string>? ClientParameters = null);

/// <summary>Identifies a payment at the provider.</summary>
public sealed record ProviderPaymentReference(long PaymentId, Money Amount, string? ProviderReference);

public enum ProviderPaymentStatus
{
    /// <summary>Created, not paid yet.</summary>
    Pending,

    /// <summary>Paid: the money is captured.</summary>
    Succeeded,

    /// <summary>The payment failed or was declined.</summary>
    Failed,

    /// <summary>Closed or revoked, unpaid.</summary>
    Closed,

    /// <summary>The provider has no such payment (it was never created there).</summary>
    NotFound,
}

/// <summary>The provider's view of one payment.</summary>
/// <param name="Status">Its status there.</param>
/// <param name="ProviderReference">The provider's transaction id, once paid.</param>
/// <param name="AmountPaid">What was captured, when paid.</param>
public sealed record ProviderPaymentState(ProviderPaymentStatus Status, string? ProviderReference = null, Money? AmountPaid = null);

/// <param name="PaymentId">Our payment id (merchant trade number).</param>
/// <param name="RefundId">Our refund id (<c>out_refund_no</c> / <c>out_request_no</c>): the provider's idempotency key.</param>
/// <param name="ProviderReference">The provider's transaction id, if known.</param>
/// <param name="Amount">What to refund.</param>
/// <param name="Total">What the payment captured.</param>
/// <param name="Reason">Why, as the guest will see it.</param>
public sealed record ProviderRefundRequest(long PaymentId, string RefundId, string? ProviderReference, Money Amount, Money Total, string Reason);

public enum ProviderRefundStatus
{
    /// <summary>The money went back.</summary>
    Succeeded,

    /// <summary>Accepted, still on its way: ask again later (repeating the refund is safe).</summary>
    Processing,
}

/// <summary>A callback as it arrived over HTTP: the raw body (signatures are over the exact bytes) and the headers.</summary>
public sealed record ProviderCallbackRequest(IReadOnlyDictionary<string, string> Headers, byte[] Body, string? ContentType);

public enum ProviderCallbackKind
{
    /// <summary>About the payment itself (paid, failed, closed).</summary>
    Payment,

    /// <summary>About a refund of the payment; <see cref="ProviderCallback.State"/> is Succeeded when the money went back.</summary>
    Refund,
}

/// <summary>A verified, decoded callback.</summary>
/// <param name="PaymentId">Our payment id, from the merchant trade number.</param>
/// <param name="State">What the provider says happened (for a refund: Succeeded when refunded, Pending while processing).</param>
/// <param name="Acknowledgement">What to answer the provider so it stops resending.</param>
/// <param name="Kind">Whether it is about the payment or one of its refunds.</param>
public sealed record ProviderCallback(
    long PaymentId,
    ProviderPaymentState State,
    CallbackAcknowledgement Acknowledgement,
    ProviderCallbackKind Kind = ProviderCallbackKind.Payment);

/// <summary>The HTTP answer a provider expects for a callback we accepted (Alipay: the text <c>success</c>).</summary>
public sealed record CallbackAcknowledgement(int StatusCode, string? ContentType, string? Body);
