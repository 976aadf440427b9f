namespace Canteen.Server.Api.Contracts;

/// <summary>Body of <c>POST /orders/{orderId}/payments</c>.</summary>
/// <param name="Provider"><c>sandbox</c>, <c>cash</c> (staff), <c>wechatpay</c> or <c>alipay</c>.</param>
/// <param name="Method">The provider's method (<c>native</c>, <c>jsapi</c>, <c>qr</c>); omitted for its default.</param>
/// <param name="PayerId">The payer's id at the provider where the method needs one (WeChat JSAPI <c>openid</c>).</param>
public sealed record CreatePaymentRequest(string? Provider, string? Method, string? PayerId);

/// <summary>A payment as the API shows it.</summary>
public sealed record PaymentDto(
    string Id,
    string OrderId,
    string Provider,
    string? Method,
    string Status,
    long Amount,
    string Currency,
    string? PayUrl,
    string? CodeUrl,
    IReadOnlyDictionary<string, string>? ClientParameters,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The sandbox's switchable faults (rates 0–1, delays in milliseconds).</summary>
public sealed record SandboxFaultsDto(
    double? ErrorRate,
    double? LatencyRate,
    int? LatencyMs,
    double? LostCallbackRate,
    double? DuplicateCallbackRate,
    double? ReorderCallbackRate,
    int? ReorderDelayMs);
