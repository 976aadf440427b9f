using Canteen.LoadTest.Running;

namespace Canteen.LoadTest.Verification;

/// <summary>
/// Holds the stock numbers to what the run was promised: every level adds up and none is negative, and the portions
/// taken during the run equal the portions held by acknowledged, uncancelled orders — no lost hold, no oversell.
/// Requests that got no answer widen that to a range: an order request may have taken more, a cancel may have
/// released its order's portions. This assumes the tool was the only client during the run.
/// </summary>
internal static class StockChecker
{
    public static (int Checked, bool Passed, List<string> Messages) Check(
        IReadOnlyDictionary<string, IReadOnlyList<StockLevel>?> before,
        IReadOnlyDictionary<string, IReadOnlyList<StockLevel>?> after,
        AckLog acks)
    {
        var (expected, releasable) = ExpectedTaken(acks);
        var messages = Unreadable(before, after);
        var passed = messages.Count == 0;
        var count = 0;

        foreach (var (storeId, level, start) in Levels(before, after))
        {
            count++;
            if (!level.AddsUp)
            {
                passed = false;
                messages.Add($"{storeId}/{level.DishId}: available {level.Available} + reserved {level.Reserved} + sold {level.Sold} != total {level.Total} (or negative)");
            }

            if (start is null)
            {
                continue;
            }

            if (start.Total != level.Total)
            {
                messages.Add($"{storeId}/{level.DishId}: total changed during the run ({start.Total} -> {level.Total}); hold count not compared");
                continue;
            }

            var want = expected.GetValueOrDefault((storeId, level.DishId));
            var mayBeReleased = releasable.GetValueOrDefault((storeId, level.DishId));
            var got = level.Taken - start.Taken;
            // An order that got no answer may still have been placed, so then there is no upper bound; an order whose
            // cancel got no answer may or may not still hold its portions, so the lower bound leaves them out.
            var ok = got >= want - mayBeReleased && (acks.UnknownOutcomes > 0 || got <= want);
            if (!ok)
            {
                passed = false;
                messages.Add($"{storeId}/{level.DishId}: portions taken during the run {got}, acknowledged orders hold {want}" +
                    (mayBeReleased > 0 ? $" ({mayBeReleased} of them by orders whose cancel got no answer)" : string.Empty));
            }
            else if (want > 0)
            {
                messages.Add($"{storeId}/{level.DishId}: {want} portions held by acknowledged orders, {level.Available} of {level.Total} left: consistent");
            }
        }

        if (acks.UnknownOutcomes > 0)
        {
            messages.Add($"{acks.UnknownOutcomes} order requests got no clear answer; stock deltas were checked as lower bounds");
        }

        if (acks.UnknownCancels > 0)
        {
            messages.Add($"{acks.UnknownCancels} cancel requests got no clear answer; those orders' portions were accepted as held or released");
        }

        return (count, passed, messages);
    }

    /// <summary>
    /// After <c>--expire-wait</c>: every unpaid order has expired, so nothing may still be reserved and nothing was
    /// sold (the tool pays for nothing). Unlike <see cref="Check"/> this needs no list of orders, so it also holds
    /// orders placed before the run (a priming run) to the same promise.
    /// </summary>
    public static (int Checked, bool Passed, List<string> Messages) CheckAllReleased(
        IReadOnlyDictionary<string, IReadOnlyList<StockLevel>?> before,
        IReadOnlyDictionary<string, IReadOnlyList<StockLevel>?> after)
    {
        var messages = Unreadable(before, after);
        var passed = messages.Count == 0;
        var count = 0;

        foreach (var (storeId, level, start) in Levels(before, after))
        {
            count++;
            var soldBefore = start?.Sold ?? level.Sold;
            if (!level.AddsUp || level.Reserved != 0 || level.Sold != soldBefore)
            {
                passed = false;
                messages.Add($"{storeId}/{level.DishId}: available {level.Available}, reserved {level.Reserved} (want 0), " +
                    $"sold {level.Sold} (was {soldBefore}), total {level.Total}: a hold was not released");
            }
        }

        if (passed && count > 0)
        {
            messages.Add($"{count} limited dishes: nothing reserved, nothing sold: every hold of every expired order was released");
        }

        return (count, passed, messages);
    }

    /// <summary>
    /// A failure for each store whose stock was readable before the run and not after it: whatever stopped the server
    /// answering, nothing was shown to add up, and a check that proves nothing must not pass.
    /// </summary>
    private static List<string> Unreadable(
        IReadOnlyDictionary<string, IReadOnlyList<StockLevel>?> before,
        IReadOnlyDictionary<string, IReadOnlyList<StockLevel>?> after) =>
        [.. before.Where(b => b.Value is not null && after.GetValueOrDefault(b.Key) is null)
            .Select(b => b.Key).Order(StringComparer.Ordinal)
            .Select(storeId => $"{storeId}: stock was readable before the run but not after it, so it could not be checked")];

    /// <summary>Every limited dish read after the run, with its level before the run when that was read too.</summary>
    private static IEnumerable<(string Store, StockLevel Level, StockLevel? Start)> Levels(
        IReadOnlyDictionary<string, IReadOnlyList<StockLevel>?> before,
        IReadOnlyDictionary<string, IReadOnlyList<StockLevel>?> after)
    {
        foreach (var (storeId, levels) in after)
        {
            var earlier = before.GetValueOrDefault(storeId)?.ToDictionary(l => l.DishId, StringComparer.Ordinal);
            foreach (var level in levels ?? [])
            {
                yield return (storeId, level, earlier?.GetValueOrDefault(level.DishId));
            }
        }
    }

    /// <summary>
    /// Portions held by acknowledged, uncancelled orders, and how many of them belong to orders whose cancel got no
    /// answer (the server may have released those).
    /// </summary>
    private static (Dictionary<(string Store, string Dish), int> Held, Dictionary<(string Store, string Dish), int> Releasable) ExpectedTaken(AckLog acks)
    {
        var held = new Dictionary<(string, string), int>();
        var releasable = new Dictionary<(string, string), int>();
        foreach (var order in acks.Placed.Where(o => !acks.IsCancelled(o.Id)))
        {
            var cancelUnknown = acks.IsCancelUnknown(order.Id);
            foreach (var (dish, quantity) in order.Template.LimitedQuantities)
            {
                var key = (order.Template.StoreId, dish);
                held[key] = held.GetValueOrDefault(key) + quantity;
                if (cancelUnknown)
                {
                    releasable[key] = releasable.GetValueOrDefault(key) + quantity;
                }
            }
        }

        return (held, releasable);
    }
}
