using System.Globalization;
using Canteen.Core.Ordering;
using Canteen.Core.Shared;
using Canteen.Engine.Idempotency;
using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;

namespace Canteen.Integration.Tests.Support;

/// <summary>Hand-made orders and writes: fixed instants (with sub-millisecond ticks), no menu needed.</summary>
internal static class TestOrders
{
    public static readonly DateTimeOffset Now = new DateTimeOffset(2025, 6, 1, 4, 30, 15, TimeSpan.Zero).AddTicks(1_234_567);

    public static readonly DateOnly Day = new(2025, 6, 1);

    public static readonly TimeSpan PaymentTimeout = TimeSpan.FromMinutes(15);

    public static Money Cny(long minor) => new(minor, "CNY");

    public static IReadOnlyList<OrderLine> Lines() =>
    [
        new OrderLine(
            "noodles",
            "担担面 \"dan dan\"",
            2,
            Cny(3000),
            [new SelectedOption("hot", "Hot", Cny(0)), new SelectedOption("egg", "Egg", Cny(200))],
            Cny(6000),
            "no peanuts"),
        new OrderLine("duck", "Roast duck", 1, Cny(8800), [], Cny(8800), null),
    ];

    public static Order Create(long id, string storeId = "s1", int sequence = 1, DateOnly? day = null) =>
        Order.Create(id, storeId, "guest-1", OrderType.Takeaway, null, null, Lines(), new PickupNumber(day ?? Day, sequence), Now, PaymentTimeout);

    public static Order CreateDineIn(long id) =>
        Order.Create(id, "s1", "guest-2", OrderType.DineIn, "T12", "window seat, 🎂 birthday", Lines(), new PickupNumber(Day, 7), Now, PaymentTimeout);

    /// <summary>A copy of <paramref name="order"/> moved on to <paramref name="status"/> (version bumped).</summary>
    public static Order Moved(Order order, OrderStatus status, TimeSpan after)
    {
        var copy = Order.Restore(order.ToSnapshot());
        copy.MoveTo(status, order.UpdatedAt + after);
        return copy;
    }

    public static InsertOrder Insert(Order order, IReadOnlyList<HoldLine>? holds = null, IdempotencyRecord? idempotency = null) =>
        new(order.ToSnapshot(), holds ?? [], idempotency, Event(order, "OrderCreated"));

    public static UpdateOrder Update(Order moved, int expectedVersion, HoldState? holdChange = null) =>
        new(moved.ToSnapshot(), expectedVersion, holdChange, Event(moved, "OrderStatusChanged"));

    public static OutboxEvent Event(Order order, string type) =>
        new(Guid.NewGuid(), type, order.Id.ToString(CultureInfo.InvariantCulture), order.StoreId, "{}", order.UpdatedAt);

    public static IdempotencyRecord Idempotency(string key, byte[]? body = null, string? location = "/orders/1") =>
        new("guest-1", key, new string('a', 64), 201, location, body ?? [1, 2, 3, 0, 255], Now);
}
