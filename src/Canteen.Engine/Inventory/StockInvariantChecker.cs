using Canteen.Core.Inventory;
using Canteen.Engine.Catalog;
using Canteen.Engine.Storage;
using Microsoft.Extensions.Options;

namespace Canteen.Engine.Inventory;

/// <summary>
/// Verifies DESIGN §4's invariant for every limited dish of every store: the authority's
/// <c>available + reserved + sold</c> equals the total storage records, none is negative, <c>reserved</c> equals the
/// portions held by live orders and <c>sold</c> the portions of today's paid ones. Used by tests, the load tool and
/// the admin endpoint.
/// </summary>
/// <remarks>
/// The authority and storage are two places that agree only between operations: a new order is held in the ledger
/// before its row commits, and a cancel or payment reaches the ledger just after its row commits. A snapshot taken in
/// such a gap disagrees without anything being wrong, and no lock can close the gap without stalling the hot path.
/// So the check takes several snapshots a moment apart (longer than a group commit) and reports a violation only when
/// the very same numbers persist across <see cref="StableSnapshots"/> of them; one that keeps changing until the
/// attempts run out (a dish under continuous load) is reported as pending, not as broken.
/// </remarks>
public sealed class StockInvariantChecker(
    MenuCache menus,
    IStockAuthority stock,
    IStockStore stockStore,
    TimeProvider time,
    IOptions<InventoryOptions> options)
{
    /// <summary>How many consecutive snapshots must show an identical disagreement before it counts.</summary>
    public const int StableSnapshots = 3;

    public async Task<StockInvariantReport> CheckAsync(CancellationToken cancellationToken)
    {
        var attempts = Math.Max(1, options.Value.InvariantCheckAttempts);
        var needed = Math.Min(StableSnapshots, attempts);
        var streaks = new Dictionary<StockInvariantViolation, int>();
        for (var attempt = 1; ; attempt++)
        {
            var (checkedDishes, found) = await SnapshotAsync(cancellationToken);
            streaks = found.ToDictionary(v => v, v => streaks.GetValueOrDefault(v) + 1);
            var confirmed = found.Where(v => streaks[v] >= needed).ToList();
            if (confirmed.Count == found.Count || attempt >= attempts)
            {
                return new StockInvariantReport(checkedDishes, confirmed, found.Except(confirmed).ToList());
            }

            await Task.Delay(options.Value.InvariantRetryDelay, time, cancellationToken);
        }
    }

    private async Task<(int CheckedDishes, List<StockInvariantViolation> Violations)> SnapshotAsync(CancellationToken cancellationToken)
    {
        var totals = await stockStore.LoadTotalsAsync(cancellationToken);
        var holds = await stockStore.LoadActiveHoldsAsync(cancellationToken);
        var stored = totals.ToDictionary(t => (t.StoreId, t.DishId), t => t.Total);
        var held = SumBy(holds, HoldState.Held);
        var sold = SumBy(holds, HoldState.Confirmed);

        var checkedDishes = 0;
        var violations = new List<StockInvariantViolation>();
        foreach (var store in menus.Stores.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            var levels = (await stock.GetLevelsAsync(store.Id, cancellationToken)).ToDictionary(l => l.DishId, StringComparer.Ordinal);
            var dishIds = levels.Keys
                .Concat(totals.Where(t => t.StoreId == store.Id).Select(t => t.DishId))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            foreach (var dishId in dishIds)
            {
                checkedDishes++;
                var key = (store.Id, dishId);
                var level = levels.TryGetValue(dishId, out var l) ? l : (StockLevel?)null;
                var total = stored.TryGetValue(key, out var t) ? t : (int?)null;
                var violation = new StockInvariantViolation(
                    store.Id, dishId, string.Empty, level, total, held.GetValueOrDefault(key), sold.GetValueOrDefault(key));
                violations.AddRange(ReasonsOf(violation).Select(reason => violation with { Reason = reason }));
            }
        }

        return (checkedDishes, violations);
    }

    private static IEnumerable<string> ReasonsOf(StockInvariantViolation v)
    {
        if (v.Level is not { } level)
        {
            yield return StockViolationReasons.MissingInAuthority;
            yield break;
        }

        if (v.StoredTotal is not { } total)
        {
            yield return StockViolationReasons.MissingInStorage;
        }
        else if (level.Total != total)
        {
            yield return StockViolationReasons.TotalMismatch;
        }

        if (!level.IsConsistent)
        {
            yield return StockViolationReasons.Negative;
        }

        if (level.Reserved != v.HeldByLiveOrders)
        {
            yield return StockViolationReasons.ReservedMismatch;
        }

        if (level.Sold != v.SoldByOrders)
        {
            yield return StockViolationReasons.SoldMismatch;
        }
    }

    private static Dictionary<(string StoreId, string DishId), int> SumBy(IEnumerable<PersistedHold> holds, HoldState state) =>
        holds.Where(h => h.State == state)
            .GroupBy(h => (h.StoreId, h.DishId))
            .ToDictionary(g => g.Key, g => g.Sum(h => h.Quantity));
}
