namespace Canteen.Server.Api.Contracts;

/// <summary>
/// The body of <c>GET /admin/stock/invariant</c>: <c>ok</c> is false only for disagreements that held still across
/// several snapshots; <c>pending</c> lists ones that kept changing (orders in flight) and prove nothing either way.
/// </summary>
public sealed record StockInvariantDto(
    bool Ok,
    int CheckedDishes,
    IReadOnlyList<StockViolationDto> Violations,
    IReadOnlyList<StockViolationDto> Pending);

/// <summary>
/// One broken rule for one limited dish: the stock authority's numbers (absent when it has no level) next to
/// storage's total, the portions held by live orders and the portions sold today.
/// </summary>
public sealed record StockViolationDto(
    string StoreId,
    string DishId,
    string Reason,
    string Detail,
    int? Total,
    int? Available,
    int? Reserved,
    int? Sold,
    int? StoredTotal,
    int HeldByLiveOrders,
    int SoldByOrders);
