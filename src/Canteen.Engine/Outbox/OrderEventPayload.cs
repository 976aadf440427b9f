namespace Canteen.Engine.Outbox;

/// <summary>The body of every order event (<c>OrderCreated</c>, <c>OrderCancelled</c>, …).</summary>
public sealed record OrderEventPayload(
    string OrderId,
    string Number,
    string StoreId,
    string Status,
    int Version,
    long Total,
    string Currency,
    string PickupNumber);
