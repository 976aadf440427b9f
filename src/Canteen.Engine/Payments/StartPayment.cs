using Canteen.Core.Payments;
using Canteen.Engine.Idempotency;

namespace Canteen.Engine.Payments;

/// <summary>A request to pay for an order.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Provider">The provider's name.</param>
/// <param name="Method">The provider's method, or null for its default.</param>
/// <param name="PayerId">The payer's id at the provider, where the method needs one (WeChat JSAPI openid).</param>
/// <param name="Idempotency">Renders the response to store with the payment, when the request had a key.</param>
public sealed record StartPayment(
    long OrderId,
    string Provider,
    string? Method,
    string? PayerId,
    Func<Payment, ProviderPayment?, IdempotencyRecord>? Idempotency);

/// <summary>A payment just created, with what the guest needs to pay it (null for cash).</summary>
public sealed record PaymentStarted(Payment Payment, ProviderPayment? Details);
