using Canteen.Core.Ordering;
using Canteen.Engine.Ordering;
using Canteen.Engine.Storage;
using Canteen.Integration.Tests.Support;

namespace Canteen.Integration.Tests.Storage;

/// <summary>The unpaid counts the adapter keeps in memory: exact after a restart, a failed batch, a lost race, a payment.</summary>
public sealed partial class SqliteStorageTests
{
    [Fact]
    public async Task CountUnpaidOrdersAsync_AfterRestart_CountsWhatTheFileHolds()
    {
        var storage = Create();
        await storage.InitializeAsync(null, Ct);
        var (a, b, c) = (TestOrders.Create(1), TestOrders.Create(2, sequence: 2), TestOrders.CreateDineIn(3));
        await storage.CommitAsync([TestOrders.Insert(a), TestOrders.Insert(b), TestOrders.Insert(c)], Ct);
        await storage.CommitAsync([TestOrders.Update(TestOrders.Moved(b, OrderStatus.Cancelled, TimeSpan.FromSeconds(1)), 1)], Ct);
        await storage.DisposeAsync();

        var reopened = Create();
        await reopened.InitializeAsync(null, Ct);

        Assert.Equal(1, await Count(reopened, a.OwnerId));
        Assert.Equal(1, await Count(reopened, c.OwnerId));
        using var raw = RawSqlite.Open(reopened.FilePath);
        Assert.Equal(0L, RawSqlite.Scalar(raw, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'ix_orders_owner_unpaid';"));
    }

    [Fact]
    public async Task CountUnpaidOrdersAsync_FailedBatchAndLostRace_CountNothingOfThem()
    {
        var storage = Create();
        await storage.InitializeAsync(null, Ct);
        var a = TestOrders.Create(1);
        await storage.CommitAsync([TestOrders.Insert(a)], Ct);

        // A duplicate id fails the whole batch, the new order with it.
        await Assert.ThrowsAnyAsync<Exception>(() => storage.CommitAsync([TestOrders.Insert(TestOrders.Create(2)), TestOrders.Insert(a)], Ct));
        var stale = await storage.CommitAsync([TestOrders.Update(TestOrders.Moved(a, OrderStatus.Cancelled, TimeSpan.FromSeconds(1)), 7)], Ct);

        Assert.Equal([WriteOutcome.VersionConflict], stale);
        Assert.Equal(1, await Count(storage, a.OwnerId));
    }

    [Fact]
    public async Task CountUnpaidOrdersAsync_PaidAndBeyond_StopsCountingOnceAtPayment()
    {
        var storage = Create();
        await storage.InitializeAsync(null, Ct);
        var created = TestOrders.Create(1);
        await storage.CommitAsync([TestOrders.Insert(created), TestOrders.Insert(TestOrders.Create(2, sequence: 2))], Ct);
        var paying = TestOrders.Moved(created, OrderStatus.Paying, TimeSpan.FromSeconds(1));
        var paid = TestOrders.Moved(paying, OrderStatus.Paid, TimeSpan.FromSeconds(1));
        var preparing = TestOrders.Moved(paid, OrderStatus.Preparing, TimeSpan.FromSeconds(1));
        var counts = new List<int>();

        foreach (var (next, read) in new[] { (paying, 1), (paid, 2), (preparing, 3), (TestOrders.Moved(preparing, OrderStatus.Refunded, TimeSpan.FromSeconds(1)), 4) })
        {
            await storage.CommitAsync([TestOrders.Update(next, read)], Ct);
            counts.Add(await Count(storage, created.OwnerId));
        }

        Assert.Equal([2, 1, 1, 1], counts);
    }

    private static Task<int> Count(IUnpaidOrderCounter counter, string ownerId) => counter.CountUnpaidOrdersAsync(ownerId, Ct);
}
