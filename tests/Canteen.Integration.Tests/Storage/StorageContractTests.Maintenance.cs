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

    [Fact]
    public async Task CommitAsync_PruneEvents_DeletesOnlySentEventsBeforeTheCutOffWithTheirInboxRecords()
    {
        var storage = await OpenAsync();
        var cutOff = TestOrders.Now.AddDays(7);
        // Ids as the engine makes them (version 7, from the occurrence time), which is what the adapters range over.
        InsertOrder At(long id, DateTimeOffset occurredAt) => TestOrders.Insert(TestOrders.Create(id)) with
        {
            Event = TestOrders.Event(TestOrders.Create(id), "OrderCreated") with { Id = Guid.CreateVersion7(occurredAt), OccurredAt = occurredAt },
        };
        var old = Enumerable.Range(1, 3).Select(i => At(i, TestOrders.Now.AddMinutes(i))).ToList();
        var oldUnsent = At(4, TestOrders.Now.AddMinutes(4));
        var recent = At(5, cutOff);
        await CommitAsync(storage, [.. old, oldUnsent, recent]);
        var sent = old.Append(recent).Select(w => w.Event.Id).ToList();
        await CommitAsync(storage, new MarkOutboxSent(sent, cutOff));
        await CommitAsync(storage, [.. sent.SelectMany(id => new StorageWrite[] { new RecordInbox("kitchen", id, cutOff), new RecordInbox("loyalty", id, cutOff) })]);
        var before = await storage.AnySentBeforeAsync(cutOff, Ct);

        var first = await CommitAsync(storage, new PruneEvents(cutOff, ["kitchen"], 2));
        var afterFirst = await storage.AnySentBeforeAsync(cutOff, Ct);
        await CommitAsync(storage, new PruneEvents(cutOff, ["kitchen"], 2));

        Assert.True(before);
        Assert.Equal([WriteOutcome.Committed], first);
        Assert.True(afterFirst); // two of three per commit
        Assert.False(await storage.AnySentBeforeAsync(cutOff, Ct));
        Assert.Equal([oldUnsent.Event], await storage.ReadUnsentAsync(10, Ct)); // the unsent one stays however old
        // A pruned event's "kitchen" record is gone, so a redelivery would count as new; "loyalty" was not asked for,
        // and the recent event's records stay.
        var again = await CommitAsync(storage, new RecordInbox("kitchen", old[0].Event.Id, cutOff), new RecordInbox("loyalty", old[0].Event.Id, cutOff),
            new RecordInbox("kitchen", recent.Event.Id, cutOff));
        Assert.Equal([WriteOutcome.Committed, WriteOutcome.Duplicate, WriteOutcome.Duplicate], again);
    }
}
