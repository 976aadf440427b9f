using System.Text.Json.Serialization;

namespace Canteen.Engine.Outbox;

/// <summary>
/// The body of every order event (<c>OrderCreated</c>, <c>OrderCancelled</c>, …). <see cref="TraceParent"/> is the
/// W3C traceparent of the span that made the change, so a consumer's span continues that trace (see <c>OutboxTrace</c>).
/// </summary>
public sealed record OrderEventPayload(
    string OrderId,
    string Number,
    string StoreId,
    string Status,
    int Version,
    long Total,
    string Currency,
    string PickupNumber,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TraceParent = null);
