using Canteen.Core.Ordering;
using Canteen.Core.Shared;
using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;

namespace Canteen.Engine.Tests.Support;

/// <summary>Orders and writes built directly, for tests that drive the writer or the store without the handler.</summary>
internal static class TestOrders
{
    /// <summary>Noon in Shanghai on 2026-03-14.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 4, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 3, 14);

    public static Order Create(long id, string storeId = EngineHarness.StoreId, int pickupSequence = 1, DateOnly? businessDay = null)
    {
        var price = new Money(3200, "CNY");
        var line = new OrderLine(EngineHarness.Dumplings, "Xiaolongbao", 1, price, [], price, null);
        return Order.Create(
            id, storeId, "guest", OrderType.Takeaway, null, null, [line],
            new PickupNumber(businessDay ?? Today, pickupSequence), Now, TimeSpan.FromMinutes(15));
    }

    public static InsertOrder Insert(long id)
    {
        var order = Create(id);
        return new InsertOrder(order.ToSnapshot(), [], null, OrderEvents.For(order, Now));
    }

    /// <summary>Moves <paramref name="current"/> to paying, claiming to have read <paramref name="expectedVersion"/>.</summary>
    public static UpdateOrder StartPaying(OrderSnapshot current, int expectedVersion)
    {
        var order = Order.Restore(current);
        order.StartPaying(Now);
        return new UpdateOrder(order.ToSnapshot(), expectedVersion, null, OrderEvents.For(order, Now));
    }
}
