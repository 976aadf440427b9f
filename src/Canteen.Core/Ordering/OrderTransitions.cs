namespace Canteen.Core.Ordering;

/// <summary>
/// The order state machine as one table (DESIGN §5). Everything not listed is illegal; keeping it in one place
/// lets a test walk every (from, to) pair.
/// </summary>
public static class OrderTransitions
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Allowed = new()
    {
        [OrderStatus.Created] = [OrderStatus.Paying, OrderStatus.Cancelled],
        [OrderStatus.Paying] = [OrderStatus.Paid, OrderStatus.Created, OrderStatus.Cancelled],
        [OrderStatus.Paid] = [OrderStatus.Preparing, OrderStatus.Refunded],
        [OrderStatus.Preparing] = [OrderStatus.Ready, OrderStatus.Refunded],
        [OrderStatus.Ready] = [OrderStatus.Completed, OrderStatus.Refunded],
        [OrderStatus.Completed] = [],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Refunded] = [],
    };

    public static bool IsAllowed(OrderStatus from, OrderStatus to) =>
        Allowed.TryGetValue(from, out var targets) && Array.IndexOf(targets, to) >= 0;

    /// <summary>Statuses in which the order still holds stock that is neither sold nor released.</summary>
    public static bool HoldsStock(OrderStatus status) => status is OrderStatus.Created or OrderStatus.Paying;

    /// <summary>
    /// Whether a move to <paramref name="to"/> ends the order's wait for payment (it held stock before, not after).
    /// The target alone decides, because no status is reachable both from an unpaid one and from a paid one: a store
    /// that sees only an order's new status can still keep exact counts of each guest's unpaid orders.
    /// </summary>
    public static bool EndsUnpaid(OrderStatus to) =>
        !HoldsStock(to) && Allowed.Any(move => HoldsStock(move.Key) && Array.IndexOf(move.Value, to) >= 0);

    public static bool IsTerminal(OrderStatus status) => Allowed[status].Length == 0;
}
