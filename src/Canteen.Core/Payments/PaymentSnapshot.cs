using Canteen.Core.Shared;

namespace Canteen.Core.Payments;

/// <summary>Every persisted field of a <see cref="Payment"/>: what storage reads and writes.</summary>
/// <param name="Id">Our id; also the merchant trade number sent to the provider (<c>out_trade_no</c>).</param>
/// <param name="OrderId">The order it pays for.</param>
/// <param name="StoreId">The order's store (for scoping and queries).</param>
/// <param name="Provider"><c>sandbox</c>, <c>cash</c>, <c>wechatpay</c> or <c>alipay</c>.</param>
/// <param name="Method"><c>native</c>, <c>jsapi</c> or <c>qr</c>, when the provider has several.</param>
/// <param name="Amount">The order's total at the time of payment.</param>
/// <param name="Status">Where the payment is.</param>
/// <param name="ProviderReference">The provider's own id (WeChat <c>transaction_id</c>, Alipay <c>trade_no</c>), once known.</param>
/// <param name="PayUrl">Where the guest pays (a page), when the provider has one.</param>
/// <param name="CodeUrl">What the guest scans (a QR payload), when the provider has one.</param>
/// <param name="Version">Optimistic concurrency, as for orders.</param>
/// <param name="Attempts">Failed attempts of the saga's current step on this payment (query, close or refund).</param>
/// <param name="NextCheckAt">When the saga looks at this payment next; null when nothing is left to do.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record PaymentSnapshot(
    long Id,
    long OrderId,
    string StoreId,
    string Provider,
    string? Method,
    Money Amount,
    PaymentStatus Status,
    string? ProviderReference,
    string? PayUrl,
    string? CodeUrl,
    int Version,
    int Attempts,
    DateTimeOffset? NextCheckAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
