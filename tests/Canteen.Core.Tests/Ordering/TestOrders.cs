using Canteen.Core.Ordering;
using Canteen.Core.Shared;

namespace Canteen.Core.Tests.Ordering;

/// <summary>Orders and lines for state-machine and aggregate tests.</summary>
internal static class TestOrders
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan PaymentTimeout = TimeSpan.FromMinutes(15);

    public static OrderLine Line(string dishId, long unitPrice, int quantity, string currency = "CNY") => new(
        dishId,
        dishId,
        quantity,
        new Money(unitPrice, currency),
        [],
        new Money(unitPrice, currency) * quantity,
        Note: null);

    public static Order Create(params OrderLine[] lines) => Order.Create(
        id: 123_456_789,
        storeId: "main",
        ownerId: "guest-1",
        type: OrderType.Takeaway,
        table: null,
        note: null,
        lines: lines.Length == 0 ? [Line("rice", 300, 1)] : lines,
        pickup: new PickupNumber(new DateOnly(2026, 11, 24), 1),
        now: Now,
        paymentTimeout: PaymentTimeout);

    /// <summary>The legal moves that take a new order to <paramref name="status"/>.</summary>
    public static OrderStatus[] PathTo(OrderStatus status) => status switch
    {
        OrderStatus.Created => [],
        OrderStatus.Paying => [OrderStatus.Paying],
        OrderStatus.Paid => [OrderStatus.Paying, OrderStatus.Paid],
        OrderStatus.Preparing => [OrderStatus.Paying, OrderStatus.Paid, OrderStatus.Preparing],
        OrderStatus.Ready => [OrderStatus.Paying, OrderStatus.Paid, OrderStatus.Preparing, OrderStatus.Ready],
        OrderStatus.Completed =>
            [OrderStatus.Paying, OrderStatus.Paid, OrderStatus.Preparing, OrderStatus.Ready, OrderStatus.Completed],
        OrderStatus.Cancelled => [OrderStatus.Cancelled],
        OrderStatus.Refunded => [OrderStatus.Paying, OrderStatus.Paid, OrderStatus.Refunded],
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>A new order driven to <paramref name="status"/>, one minute per move.</summary>
    public static Order InStatus(OrderStatus status)
    {
        var order = Create();
        var now = Now;
        foreach (var step in PathTo(status))
        {
            now = now.AddMinutes(1);
            order.MoveTo(step, now);
        }

        return order;
    }
}
