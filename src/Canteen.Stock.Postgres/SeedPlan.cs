using Canteen.Engine.Storage;

namespace Canteen.Stock.Postgres;

/// <summary>
/// What start-up creates from storage, given what the tables already hold. The tables may already be the live
/// authority (another instance started first and has taken holds since), which is newer than storage, so nothing
/// there is overwritten: a dish is seeded only if it has no counter row, and a persisted hold is adopted only if it
/// has no row and none of its dishes already has a counter (else its portions would be counted twice, or released
/// from counters that never included them). Adopted holds count toward the new dishes' reserved and sold.
/// </summary>
internal sealed record SeedPlan(IReadOnlyList<(StockTotal Total, int Available, int Reserved, int Sold)> Counters, IReadOnlyList<NewHold> Holds)
{
    public static SeedPlan Create(
        IReadOnlyList<StockTotal> totals,
        IReadOnlyList<PersistedHold> holds,
        IReadOnlySet<(string StoreId, string DishId)> liveDishes,
        IReadOnlySet<long> liveOrders)
    {
        var fresh = totals.Where(t => !liveDishes.Contains((t.StoreId, t.DishId))).ToDictionary(t => (t.StoreId, t.DishId));
        var adopted = new List<NewHold>();
        foreach (var order in holds.GroupBy(h => h.OrderId))
        {
            var first = order.First();
            if (liveOrders.Contains(order.Key) || order.Any(h => liveDishes.Contains((h.StoreId, h.DishId))))
            {
                continue;
            }

            var lines = order.Where(h => fresh.ContainsKey((h.StoreId, h.DishId))).Select(h => new HoldLine(h.DishId, h.Quantity)).ToList();
            adopted.Add(new NewHold(order.Key, first.StoreId, HoldRows.NameOf(first.State), first.Deadline, lines));
        }

        var counters = fresh.Values.Select(total =>
        {
            var lines = adopted.Where(h => h.StoreId == total.StoreId).SelectMany(h => h.Lines.Where(l => l.DishId == total.DishId).Select(l => (h.State, l.Quantity))).ToList();
            var reserved = lines.Where(l => l.State == HoldRows.Held).Sum(l => l.Quantity);
            var sold = lines.Where(l => l.State == HoldRows.Confirmed).Sum(l => l.Quantity);

            // If staff lowered the total below what orders account for, never go negative: the orders win.
            return (total, Math.Max(0, total.Total - reserved - sold), reserved, sold);
        }).ToList();
        return new SeedPlan(counters, adopted);
    }
}
