using System.Data.Common;
using Canteen.Core.Ordering;
using Canteen.Engine.Storage;
using Canteen.Integration.Tests.Support;

namespace Canteen.Integration.Tests.Storage;

public abstract partial class StorageContractTests<TStorage>
{
    [Fact]
    public async Task CommitAsync_MixedBatchWithOneStaleUpdate_OnlyThatWriteConflicts()
    {
        var storage = await OpenAsync(TestCatalog.Create());
        var a = TestOrders.Create(1);
        var b = TestOrders.Create(2);
        await CommitAsync(storage, TestOrders.Insert(a), TestOrders.Insert(b, [new HoldLine(TestCatalog.LimitedDish, 1)]));
        var c = TestOrders.Create(3);
        var aPaying = TestOrders.Moved(a, OrderStatus.Paying, TimeSpan.FromSeconds(1));
        var bCancelled = TestOrders.Moved(b, OrderStatus.Cancelled, TimeSpan.FromSeconds(1));

        var outcomes = await CommitAsync(
            storage,
            TestOrders.Insert(c),
            TestOrders.Update(aPaying, expectedVersion: 1),
            TestOrders.Update(bCancelled, expectedVersion: 5, HoldState.Released),
            new SetStockTotal("s1", TestCatalog.LimitedDish, 30));

        Assert.Equal([WriteOutcome.Committed, WriteOutcome.Committed, WriteOutcome.VersionConflict, WriteOutcome.Committed], outcomes);
        StorageAssert.SameOrder(c.ToSnapshot(), (await storage.FindAsync(3, Ct))?.ToSnapshot());
        StorageAssert.SameOrder(aPaying.ToSnapshot(), (await storage.FindAsync(1, Ct))?.ToSnapshot());
        StorageAssert.SameOrder(b.ToSnapshot(), (await storage.FindAsync(2, Ct))?.ToSnapshot());
        Assert.Equal(HoldState.Held, Assert.Single(await storage.LoadActiveHoldsAsync(Ct)).State);
        Assert.Equal(30, Assert.Single(await storage.LoadTotalsAsync(Ct)).Total);
    }

    [Fact]
    public async Task CommitAsync_InboxRecordsBetweenUpdates_EachWriteGetsItsOwnOutcomeInOrder()
    {
        var storage = await OpenAsync();
        var a = TestOrders.Create(1);
        await CommitAsync(storage, TestOrders.Insert(a));
        var (seen, fresh, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await CommitAsync(storage, new RecordInbox("kitchen", seen, TestOrders.Now));

        var outcomes = await CommitAsync(
            storage,
            new RecordInbox("kitchen", fresh, TestOrders.Now),
            new RecordInbox("kitchen", seen, TestOrders.Now),
            TestOrders.Update(TestOrders.Moved(a, OrderStatus.Paying, TimeSpan.FromSeconds(1)), expectedVersion: 1),
            new RecordInbox("kitchen", other, TestOrders.Now),
            new RecordInbox("kitchen", other, TestOrders.Now),
            new RecordInbox("loyalty", seen, TestOrders.Now),
            TestOrders.Update(TestOrders.Moved(TestOrders.Create(9), OrderStatus.Paying, TimeSpan.FromSeconds(1)), expectedVersion: 1),
            new RecordInbox("kitchen", fresh, TestOrders.Now));

        Assert.Equal(
            [WriteOutcome.Committed, WriteOutcome.Duplicate, WriteOutcome.Committed, WriteOutcome.Committed, WriteOutcome.Duplicate,
             WriteOutcome.Committed, WriteOutcome.NotFound, WriteOutcome.Duplicate],
            outcomes);
        Assert.Equal(OrderStatus.Paying, (await storage.FindAsync(1, Ct))?.Status);
    }

    [Fact]
    public async Task CommitAsync_TwoUpdatesFromTheSameVersionInOneBatch_SecondConflicts()
    {
        var storage = await OpenAsync();
        var order = TestOrders.Create(1);
        await CommitAsync(storage, TestOrders.Insert(order));
        var paying = TestOrders.Moved(order, OrderStatus.Paying, TimeSpan.FromSeconds(1));
        var cancelled = TestOrders.Moved(order, OrderStatus.Cancelled, TimeSpan.FromSeconds(2));

        var outcomes = await CommitAsync(storage, TestOrders.Update(paying, 1), TestOrders.Update(cancelled, 1));

        Assert.Equal([WriteOutcome.Committed, WriteOutcome.VersionConflict], outcomes);
        Assert.Equal(OrderStatus.Paying, (await storage.FindAsync(1, Ct))?.Status);
    }

    [Fact]
    public async Task CommitAsync_InsertThenUpdateInOneBatch_BothCommitInOrder()
    {
        var storage = await OpenAsync();
        var order = TestOrders.Create(1);
        var paying = TestOrders.Moved(order, OrderStatus.Paying, TimeSpan.FromSeconds(1));

        var outcomes = await CommitAsync(storage, TestOrders.Insert(order), TestOrders.Update(paying, 1));

        Assert.Equal([WriteOutcome.Committed, WriteOutcome.Committed], outcomes);
        StorageAssert.SameOrder(paying.ToSnapshot(), (await storage.FindAsync(1, Ct))?.ToSnapshot());
    }

    [Fact]
    public async Task CommitAsync_UpdateOfUnknownId_ReturnsNotFound()
    {
        var storage = await OpenAsync();
        var ghost = TestOrders.Moved(TestOrders.Create(99), OrderStatus.Paying, TimeSpan.FromSeconds(1));

        var outcomes = await CommitAsync(storage, TestOrders.Update(ghost, 1), new SetStockTotal("s1", "tea", 3));

        Assert.Equal([WriteOutcome.NotFound, WriteOutcome.Committed], outcomes);
        Assert.Null(await storage.FindAsync(99, Ct));
    }

    [Fact]
    public async Task CommitAsync_BatchWithDuplicateOrderId_ThrowsAndKeepsNoneOfItsWrites()
    {
        var storage = await OpenAsync(TestCatalog.Create());
        var existing = TestOrders.Create(1);
        await CommitAsync(storage, TestOrders.Insert(existing, [new HoldLine(TestCatalog.LimitedDish, 1)]));
        var fresh = TestOrders.Create(2);
        var record = TestOrders.Idempotency("key-2");

        await Assert.ThrowsAnyAsync<DbException>(() => CommitAsync(
            storage,
            TestOrders.Insert(fresh, [new HoldLine(TestCatalog.LimitedDish, 3)], record),
            TestOrders.Update(TestOrders.Moved(existing, OrderStatus.Cancelled, TimeSpan.FromSeconds(1)), 1, HoldState.Released),
            new SetStockTotal("s1", TestCatalog.LimitedDish, 99),
            TestOrders.Insert(TestOrders.Create(1))));

        Assert.Null(await storage.FindAsync(2, Ct));
        Assert.Null(await FindRecordAsync(storage, record.Scope, record.Key));
        StorageAssert.SameOrder(existing.ToSnapshot(), (await storage.FindAsync(1, Ct))?.ToSnapshot());
        var hold = Assert.Single(await storage.LoadActiveHoldsAsync(Ct));
        Assert.Equal((1L, HoldState.Held), (hold.OrderId, hold.State));
        Assert.Equal(TestCatalog.LimitedPortions, Assert.Single(await storage.LoadTotalsAsync(Ct)).Total);
    }

    [Fact]
    public async Task CommitAsync_AfterFailedBatch_NextBatchCommits()
    {
        var storage = await OpenAsync();
        await CommitAsync(storage, TestOrders.Insert(TestOrders.Create(1)));
        await Assert.ThrowsAnyAsync<DbException>(() => CommitAsync(storage, TestOrders.Insert(TestOrders.Create(1))));

        var outcomes = await CommitAsync(storage, TestOrders.Insert(TestOrders.Create(2)));

        Assert.Equal([WriteOutcome.Committed], outcomes);
        Assert.NotNull(await storage.FindAsync(2, Ct));
    }

    [Fact]
    public async Task CommitAsync_EmptyBatch_ReturnsNoOutcomes()
    {
        var storage = await OpenAsync();

        Assert.Empty(await CommitAsync(storage));
    }

    [Fact]
    public async Task Reads_ConcurrentWithCommits_AlwaysSeeCommittedOrders()
    {
        var storage = await OpenAsync();
        var existing = TestOrders.Create(1);
        await CommitAsync(storage, TestOrders.Insert(existing));

        // Batches are committed one after another (as the single writer loop does) while many reads run at once.
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await CommitAsync(storage, [.. Enumerable.Range(0, 10).Select(j => TestOrders.Insert(TestOrders.Create(100 + (i * 10) + j)))]);
            }
        }, Ct);
        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                StorageAssert.SameOrder(existing.ToSnapshot(), (await storage.FindAsync(1, Ct))?.ToSnapshot());
                var page = await storage.ListAsync("s1", null, 5, null, Ct);
                Assert.NotEmpty(page.Items);
            }
        }, Ct));

        await Task.WhenAll([writer, .. readers]);

        var all = await storage.ListAsync("s1", null, 500, null, Ct);
        Assert.Equal([.. Enumerable.Range(100, 200).Select(i => (long)i).Reverse(), 1L], all.Items.Select(o => o.Id));
    }
}
