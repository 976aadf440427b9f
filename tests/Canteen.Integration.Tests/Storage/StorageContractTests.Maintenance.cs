using Canteen.Core.Ordering;
using Canteen.Engine.Storage;
using Canteen.Integration.Tests.Support;

namespace Canteen.Integration.Tests.Storage;

/// <summary>Expiry lookups, the daily stock reset, the outbox relay's reads and marks, and the consumers' inbox.</summary>
public abstract partial class StorageContractTests<TStorage>
{
    [Fact]
    public async Task FindExpiredAsync_MixedOrders_ReturnsOnlyUnpaidPastDeadlineEarliestFirst()
    {
        var storage = await OpenAsync();
        var early = TestOrders.Create(1);
        var late = Order.Restore(TestOrders.Create(2).ToSnapshot() with { PaymentDeadline = TestOrders.Now.AddMinutes(20) });
        var paying = TestOrders.Moved(TestOrders.Create(3), OrderStatus.Paying, TimeSpan.FromSeconds(1));
        var cancelled = TestOrders.Create(4);
        var paid = TestOrders.Create(5);
        await CommitAsync(storage, TestOrders.Insert(late), TestOrders.Insert(early), TestOrders.Insert(TestOrders.Create(3)),
            TestOrders.Insert(cancelled), TestOrders.Insert(paid));
        await CommitAsync(
            storage,
            TestOrders.Update(paying, 1),
            TestOrders.Update(TestOrders.Moved(cancelled, OrderStatus.Cancelled, TimeSpan.FromSeconds(1)), 1),
            TestOrders.Update(TestOrders.Moved(paid, OrderStatus.Paying, TimeSpan.FromSeconds(1)), 1));
        var paidNow = TestOrders.Moved(TestOrders.Moved(paid, OrderStatus.Paying, TimeSpan.FromSeconds(1)), OrderStatus.Paid, TimeSpan.FromSeconds(1));
        await CommitAsync(storage, TestOrders.Update(paidNow, 2));

        var beforeDeadline = await storage.FindExpiredAsync(early.PaymentDeadline.AddTicks(-1), 10, Ct);
        var atDeadline = await storage.FindExpiredAsync(early.PaymentDeadline, 10, Ct);
        var later = await storage.FindExpiredAsync(TestOrders.Now.AddHours(1), 10, Ct);
        var limited = await storage.FindExpiredAsync(TestOrders.Now.AddHours(1), 1, Ct);

        Assert.Empty(beforeDeadline);
        Assert.Equal([1L, 3L], atDeadline);
        Assert.Equal([1L, 3L, 2L], later);
        Assert.Single(limited);
    }

    [Fact]
    public async Task CommitAsync_ResetDailyStock_SettlesConfirmedKeepsHeldAndRestoresDailyPortions()
    {
        var storage = await OpenAsync(TestCatalog.Create());
        var store = TestCatalog.Create().Stores[0].Id;
        var dish = TestCatalog.LimitedDish;
        var held = TestOrders.Create(1, storeId: store);
        var confirmed = TestOrders.Create(2, storeId: store);
        var other = TestOrders.Create(3, storeId: "elsewhere");
        await CommitAsync(
            storage,
            TestOrders.Insert(held, [new HoldLine(dish, 2)]),
            TestOrders.Insert(confirmed, [new HoldLine(dish, 3)]),
            TestOrders.Insert(other, [new HoldLine(dish, 4)]),
            new SetStockTotal(store, dish, 7));
        await CommitAsync(storage, TestOrders.Update(TestOrders.Moved(confirmed, OrderStatus.Paying, TimeSpan.FromSeconds(1)), 1, HoldState.Confirmed));
        await CommitAsync(storage, TestOrders.Update(TestOrders.Moved(other, OrderStatus.Paying, TimeSpan.FromSeconds(1)), 1, HoldState.Confirmed));
        var daily = (await storage.LoadTotalsAsync(Ct)).Single(t => t.StoreId == store && t.DishId == dish).DailyPortions;

        var outcomes = await CommitAsync(storage, new ResetDailyStock(store));

        Assert.Equal([WriteOutcome.Committed], outcomes);
        var active = await storage.LoadActiveHoldsAsync(Ct);
        Assert.Equal([(1L, HoldState.Held), (3L, HoldState.Confirmed)], active.Select(h => (h.OrderId, h.State)).Order());
        Assert.Equal(Math.Max(daily, 2), (await storage.LoadTotalsAsync(Ct)).Single(t => t.StoreId == store && t.DishId == dish).Total);
    }

    [Fact]
    public async Task CommitAsync_ResetDailyStock_NeverBelowPortionsStillHeld()
    {
        var storage = await OpenAsync();
        await CommitAsync(storage, new SetStockTotal("s1", "duck", 1));
        await CommitAsync(storage, TestOrders.Insert(TestOrders.Create(1), [new HoldLine("duck", 1)]), new SetStockTotal("s1", "duck", 5));
        await CommitAsync(storage, TestOrders.Insert(TestOrders.Create(2), [new HoldLine("duck", 3)]));

        await CommitAsync(storage, new ResetDailyStock("s1"));

        Assert.Equal(4, Assert.Single(await storage.LoadTotalsAsync(Ct)).Total);
    }

    [Fact]
    public async Task ReadUnsentAsync_AfterMarkOutboxSent_ReturnsOnlyWhatIsStillUnsentInOrder()
    {
        var storage = await OpenAsync();
        var first = TestOrders.Insert(TestOrders.Create(1));
        var second = TestOrders.Insert(TestOrders.Create(2)) with { Event = TestOrders.Event(TestOrders.Create(2), "OrderCreated") with { OccurredAt = TestOrders.Now.AddSeconds(1) } };
        await CommitAsync(storage, second, first);

        var unsent = await storage.ReadUnsentAsync(10, Ct);
        await CommitAsync(storage, new MarkOutboxSent([first.Event.Id], TestOrders.Now.AddSeconds(2)));
        var remaining = await storage.ReadUnsentAsync(10, Ct);

        Assert.Equal([first.Event, second.Event], unsent);
        Assert.Equal([second.Event], remaining);
        Assert.Single(await storage.ReadUnsentAsync(1, Ct));
    }

    [Fact]
    public async Task CommitAsync_RecordInboxTwice_SecondIsDuplicateEvenInOneBatch()
    {
        var storage = await OpenAsync();
        var id = Guid.NewGuid();

        var firstBatch = await CommitAsync(storage, new RecordInbox("kitchen", id, TestOrders.Now), new RecordInbox("kitchen", id, TestOrders.Now));
        var again = await CommitAsync(storage, new RecordInbox("kitchen", id, TestOrders.Now), new RecordInbox("loyalty", id, TestOrders.Now));

        Assert.Equal([WriteOutcome.Committed, WriteOutcome.Duplicate], firstBatch);
        Assert.Equal([WriteOutcome.Duplicate, WriteOutcome.Committed], again);
    }
}
