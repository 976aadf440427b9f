namespace Canteen.Engine.Inventory;

/// <summary>
/// The result of a stock invariant check. <see cref="Violations"/> held still across several snapshots, so they are
/// real; <see cref="Pending"/> kept changing while the check looked (orders in flight on a busy dish) and prove
/// nothing either way: check again when the dish is quiet.
/// </summary>
public sealed record StockInvariantReport(
    int CheckedDishes,
    IReadOnlyList<StockInvariantViolation> Violations,
    IReadOnlyList<StockInvariantViolation> Pending)
{
    public bool Ok => Violations.Count == 0;
}
