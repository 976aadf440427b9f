using System.Globalization;
using Canteen.Core.Inventory;

namespace Canteen.Engine.Inventory;

/// <summary>
/// One broken rule for one limited dish, with the numbers of both sides: the stock authority's level and what
/// storage (the system of record) says the total, the live holds and the confirmed holds add up to.
/// </summary>
/// <param name="StoreId">The store.</param>
/// <param name="DishId">The limited dish.</param>
/// <param name="Reason">One of <see cref="StockViolationReasons"/>.</param>
/// <param name="Level">The authority's level, or null when it has none for the dish.</param>
/// <param name="StoredTotal">Storage's total for today, or null when it has none.</param>
/// <param name="HeldByLiveOrders">Portions held by live (created or paying) orders, from storage.</param>
/// <param name="SoldByOrders">Portions of confirmed holds (paid today), from storage.</param>
public sealed record StockInvariantViolation(
    string StoreId,
    string DishId,
    string Reason,
    StockLevel? Level,
    int? StoredTotal,
    int HeldByLiveOrders,
    int SoldByOrders)
{
    /// <summary>A one-line explanation for people reading the report.</summary>
    public string Detail => Level is { } l
        ? string.Create(
            CultureInfo.InvariantCulture,
            $"{StoreId}/{DishId}: available {l.Available} + reserved {l.Reserved} + sold {l.Sold} = {l.Total}; storage: total {StoredTotal?.ToString(CultureInfo.InvariantCulture) ?? "none"}, held by live orders {HeldByLiveOrders}, sold {SoldByOrders}.")
        : $"{StoreId}/{DishId}: the stock authority has no level for this limited dish.";
}
