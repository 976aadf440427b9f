using Canteen.Core.Ordering;
using Canteen.Integration.Tests.Support;

namespace Canteen.Integration.Tests.Storage;

public abstract partial class StorageContractTests<TStorage>
{
    [Fact]
    public async Task FindAsync_AfterInsert_RoundTripsEverySnapshotField()
    {
        var storage = await OpenAsync();
        var takeaway = TestOrders.Create(1001);
        var dineIn = TestOrders.CreateDineIn(1002);

        await CommitAsync(storage, TestOrders.Insert(takeaway), TestOrders.Insert(dineIn));

        StorageAssert.SameOrder(takeaway.ToSnapshot(), (await storage.FindAsync(1001, Ct))?.ToSnapshot());
        StorageAssert.SameOrder(dineIn.ToSnapshot(), (await storage.FindAsync(1002, Ct))?.ToSnapshot());
    }

    [Fact]
    public async Task FindAsync_AfterUpdate_ReturnsNewStatusVersionAndTime()
    {
        var storage = await OpenAsync();
        var order = TestOrders.Create(7);
        await CommitAsync(storage, TestOrders.Insert(order));
        var paying = TestOrders.Moved(order, OrderStatus.Paying, TimeSpan.FromTicks(12_345));

        await CommitAsync(storage, TestOrders.Update(paying, expectedVersion: 1));

        StorageAssert.SameOrder(paying.ToSnapshot(), (await storage.FindAsync(7, Ct))?.ToSnapshot());
    }

    [Fact]
    public async Task FindAsync_UnknownId_ReturnsNull()
    {
        var storage = await OpenAsync();

        Assert.Null(await storage.FindAsync(123, Ct));
    }

    [Fact]
    public async Task ListAsync_SevenOrdersWithLimitThree_ReturnsPagesOfThreeThreeOneNewestFirst()
    {
        var storage = await OpenAsync();
        await CommitAsync(storage, [.. Enumerable.Range(1, 7).Select(i => TestOrders.Insert(TestOrders.Create(100 + i)))]);
        await CommitAsync(storage, TestOrders.Insert(TestOrders.Create(200, storeId: "s2")));

        var first = await storage.ListAsync("s1", null, 3, null, Ct);
        var second = await storage.ListAsync("s1", null, 3, first.Next, Ct);
        var third = await storage.ListAsync("s1", null, 3, second.Next, Ct);

        Assert.Equal([107L, 106, 105], first.Items.Select(o => o.Id));
        Assert.Equal(105, first.Next);
        Assert.Equal([104L, 103, 102], second.Items.Select(o => o.Id));
        Assert.Equal(102, second.Next);
        Assert.Equal([101L], third.Items.Select(o => o.Id));
        Assert.Null(third.Next);
    }

    [Fact]
    public async Task ListAsync_LastPageExactlyFull_HasNoNextCursor()
    {
        var storage = await OpenAsync();
        await CommitAsync(storage, [.. Enumerable.Range(1, 6).Select(i => TestOrders.Insert(TestOrders.Create(i)))]);

        var first = await storage.ListAsync("s1", null, 3, null, Ct);
        var second = await storage.ListAsync("s1", null, 3, first.Next, Ct);

        Assert.Equal(4, first.Next);
        Assert.Equal([3L, 2, 1], second.Items.Select(o => o.Id));
        Assert.Null(second.Next);
    }

    [Fact]
    public async Task ListAsync_WithStatus_ReturnsOnlyOrdersInThatStatus()
    {
        var storage = await OpenAsync();
        var orders = Enumerable.Range(1, 5).Select(i => TestOrders.Create(i)).ToList();
        await CommitAsync(storage, [.. orders.Select(o => TestOrders.Insert(o))]);
        await CommitAsync(
            storage,
            [.. orders.Where(o => o.Id % 2 == 1).Select(o => TestOrders.Update(TestOrders.Moved(o, OrderStatus.Paying, TimeSpan.FromSeconds(1)), 1))]);

        var paying = await storage.ListAsync("s1", OrderStatus.Paying, 2, null, Ct);
        var payingRest = await storage.ListAsync("s1", OrderStatus.Paying, 2, paying.Next, Ct);
        var created = await storage.ListAsync("s1", OrderStatus.Created, 10, null, Ct);

        Assert.Equal([5L, 3], paying.Items.Select(o => o.Id));
        Assert.Equal([1L], payingRest.Items.Select(o => o.Id));
        Assert.Null(payingRest.Next);
        Assert.Equal([4L, 2], created.Items.Select(o => o.Id));
        Assert.All(paying.Items, o => Assert.Equal(OrderStatus.Paying, o.Status));
    }

    [Fact]
    public async Task LastPickupSequenceAsync_PerStoreAndDay_ReturnsHighestOrZero()
    {
        var storage = await OpenAsync();
        var nextDay = TestOrders.Day.AddDays(1);
        await CommitAsync(
            storage,
            TestOrders.Insert(TestOrders.Create(1, sequence: 1)),
            TestOrders.Insert(TestOrders.Create(2, sequence: 5)),
            TestOrders.Insert(TestOrders.Create(3, sequence: 2)),
            TestOrders.Insert(TestOrders.Create(4, sequence: 1, day: nextDay)),
            TestOrders.Insert(TestOrders.Create(5, storeId: "s2", sequence: 9)));

        Assert.Equal(5, await storage.LastPickupSequenceAsync("s1", TestOrders.Day, Ct));
        Assert.Equal(1, await storage.LastPickupSequenceAsync("s1", nextDay, Ct));
        Assert.Equal(9, await storage.LastPickupSequenceAsync("s2", TestOrders.Day, Ct));
        Assert.Equal(0, await storage.LastPickupSequenceAsync("s1", nextDay.AddDays(1), Ct));
        Assert.Equal(0, await storage.LastPickupSequenceAsync("s3", TestOrders.Day, Ct));
    }
}
