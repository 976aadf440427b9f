namespace Canteen.Server.Api.Contracts;

/// <summary>
/// The body of <c>POST /stores/{storeId}/orders</c>. Every member is nullable so a missing field is reported as
/// such instead of silently defaulting; members the client might add (prices, totals, status) do not exist here
/// and are ignored. Properties rather than constructor parameters: the generated reader then sets them as it reads,
/// where a constructor made it collect every value in a boxed argument array first (the busiest body of the API).
/// </summary>
public sealed record PlaceOrderRequest
{
    public string? Type { get; init; }

    public string? Table { get; init; }

    public IReadOnlyList<PlaceOrderItemRequest?>? Items { get; init; }

    public string? Note { get; init; }
}

public sealed record PlaceOrderItemRequest
{
    public string? DishId { get; init; }

    public int? Quantity { get; init; }

    public IReadOnlyList<string?>? Options { get; init; }

    public string? Note { get; init; }
}

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
