using Canteen.Core.Ordering;
using Canteen.Engine.Storage;
using Canteen.Integration.Tests.Support;

namespace Canteen.Integration.Tests.Storage;

/// <summary>
/// Which holds an order change moves: <see cref="HoldState.Confirmed"/> only held ones; <see cref="HoldState.Released"/>
/// held and confirmed ones (a refund gives sold portions back); settled ones, sold on an earlier day, never.
/// </summary>
public abstract partial class StorageContractTests<TStorage>
{
    [Fact]
    public async Task CommitAsync_ReleasedFromPaid_ReleasesConfirmedHoldsAndLeavesSettledOnes()
    {
        var storage = await OpenAsync();
        var yesterday = TestOrders.Create(1);
        var today = TestOrders.Create(2, sequence: 2);
        await CommitAsync(
            storage,
            TestOrders.Insert(yesterday, [new HoldLine("duck", 2), new HoldLine("cake", 1)]),
            TestOrders.Insert(today, [new HoldLine("duck", 1)]));
        var yesterdayPaid = await PayAsync(storage, yesterday);
        await CommitAsync(storage, new ResetDailyStock("s1"));
        var todayPaid = await PayAsync(storage, today);
        var payment = TestPayments.Succeeded(TestPayments.Create(20, today.Id));
        var refunding = TestPayments.Moved(payment, p => p.StartRefund(TestOrders.Now.AddMinutes(1)));
        await CommitAsync(storage, TestPayments.Insert(payment));
        var todayRefund = TestOrders.Update(TestOrders.Moved(todayPaid, OrderStatus.Refunded, TimeSpan.FromSeconds(1)), 3, HoldState.Released);

        var outcomes = await CommitAsync(
            storage,
            TestOrders.Update(TestOrders.Moved(yesterdayPaid, OrderStatus.Refunded, TimeSpan.FromSeconds(1)), 3, HoldState.Released),
            TestPayments.Update(refunding, 2, todayRefund));

        Assert.Equal([WriteOutcome.Committed, WriteOutcome.Committed], outcomes);
        Assert.Equal(["cake:settled", "duck:settled"], await ReadHoldStatesAsync(yesterday.Id));
        Assert.Equal(["duck:released"], await ReadHoldStatesAsync(today.Id));
        Assert.Empty(await storage.LoadActiveHoldsAsync(Ct));
    }

    [Fact]
    public async Task CommitAsync_ReleasedFromCreated_ReleasesHeldHolds()
    {
        var storage = await OpenAsync();
        var order = TestOrders.Create(1);
        await CommitAsync(storage, TestOrders.Insert(order, [new HoldLine("duck", 2), new HoldLine("cake", 1)]));

        await CommitAsync(storage, TestOrders.Update(TestOrders.Moved(order, OrderStatus.Cancelled, TimeSpan.FromSeconds(1)), 1, HoldState.Released));

        Assert.Equal(["cake:released", "duck:released"], await ReadHoldStatesAsync(order.Id));
    }

    [Fact]
    public async Task CommitAsync_ConfirmedAfterRelease_LeavesReleasedHoldsAlone()
    {
        var storage = await OpenAsync();
        var order = TestOrders.Create(1);
        await CommitAsync(storage, TestOrders.Insert(order, [new HoldLine("duck", 2)]));
        var cancelled = TestOrders.Moved(order, OrderStatus.Cancelled, TimeSpan.FromSeconds(1));
        await CommitAsync(storage, TestOrders.Update(cancelled, 1, HoldState.Released));

        // Storage does not judge transitions; it only must never turn given-back portions into sold ones.
        var late = Order.Restore(cancelled.ToSnapshot() with { Version = 3 });
        var outcomes = await CommitAsync(storage, TestOrders.Update(late, 2, HoldState.Confirmed));

        Assert.Equal([WriteOutcome.Committed], outcomes);
        Assert.Equal(["duck:released"], await ReadHoldStatesAsync(order.Id));
    }

    /// <summary>Moves a created order to paying, then paid with its holds confirmed; returns it at version 3.</summary>
    private static async Task<Order> PayAsync(TStorage storage, Order created)
    {
        var paying = TestOrders.Moved(created, OrderStatus.Paying, TimeSpan.FromSeconds(1));
        var paid = TestOrders.Moved(paying, OrderStatus.Paid, TimeSpan.FromSeconds(1));
        Assert.Equal(
            [WriteOutcome.Committed, WriteOutcome.Committed],
            await CommitAsync(storage, TestOrders.Update(paying, 1), TestOrders.Update(paid, 2, HoldState.Confirmed)));
        return paid;
    }
}
