namespace Canteen.Server.Api.Contracts;

/// <summary>
/// The body of <c>POST /stores/{storeId}/orders</c>. Every member is nullable so a missing field is reported as
/// such instead of silently defaulting; members the client might add (prices, totals, status) do not exist here
/// and are ignored.
/// </summary>
public sealed record PlaceOrderRequest(string? Type, string? Table, IReadOnlyList<PlaceOrderItemRequest?>? Items, string? Note);

public sealed record PlaceOrderItemRequest(string? DishId, int? Quantity, IReadOnlyList<string?>? Options, string? Note);

public sealed record OrderDto(
    string Id,
    string Number,
    string PickupNumber,
    string StoreId,
    string Type,
    string? Table,
    string Status,
    IReadOnlyList<OrderItemDto> Items,
    long Total,
    string Currency,
    int Version,
    DateTime PaymentDeadline,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? Note);

public sealed record OrderItemDto(
    string DishId,
    string Name,
    int Quantity,
    long UnitPrice,
    IReadOnlyList<OrderItemOptionDto> Options,
    long LineTotal,
    string? Note);

public sealed record OrderItemOptionDto(string Id, string Name, long PriceDelta);

public sealed record OrderListDto(IReadOnlyList<OrderDto> Items, string? Next);
