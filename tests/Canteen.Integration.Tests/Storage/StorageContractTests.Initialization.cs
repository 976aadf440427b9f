using Canteen.Engine.Storage;
using Canteen.Integration.Tests.Support;

namespace Canteen.Integration.Tests.Storage;

public abstract partial class StorageContractTests<TStorage>
{
    [Fact]
    public async Task InitializeAsync_CalledTwice_IsNoOpAndKeepsData()
    {
        var storage = await OpenAsync();
        var order = TestOrders.Create(1);
        await CommitAsync(storage, TestOrders.Insert(order));

        await storage.InitializeAsync(null, Ct);

        Assert.True(await storage.PingAsync(Ct));
        StorageAssert.SameOrder(order.ToSnapshot(), (await storage.FindAsync(1, Ct))?.ToSnapshot());
        var catalog = await storage.LoadCatalogAsync(Ct);
        Assert.Empty(catalog.Stores);
        Assert.Empty(catalog.Dishes);
        Assert.Empty(await storage.LoadTotalsAsync(Ct));
    }

    [Fact]
    public async Task InitializeAsync_WithSeedOnEmptyStorage_LoadsCatalogBackInSeededOrder()
    {
        var seed = TestCatalog.Create();
        var storage = await OpenAsync(seed);

        var loaded = await storage.LoadCatalogAsync(Ct);

        Assert.Equal(2, loaded.Stores.Count);
        Assert.Equal(2, loaded.Categories.Count);
        Assert.Equal(3, loaded.Dishes.Count);
        StorageAssert.SameCatalog(seed, loaded);
    }

    [Fact]
    public async Task InitializeAsync_WithSeed_SetsStockOfLimitedDishesOnlyWhereSold()
    {
        var storage = await OpenAsync(TestCatalog.Create());

        var totals = await storage.LoadTotalsAsync(Ct);

        var total = Assert.Single(totals);
        Assert.Equal(new StockTotal("s1", TestCatalog.LimitedDish, TestCatalog.LimitedPortions, TestCatalog.LimitedPortions), total);
    }

    [Fact]
    public async Task InitializeAsync_WithSeedOnSeededStorage_ChangesNothing()
    {
        var seed = TestCatalog.Create();
        var storage = await OpenAsync(seed);
        await CommitAsync(storage, new SetStockTotal("s1", TestCatalog.LimitedDish, 5));

        await storage.InitializeAsync(seed, Ct);
        await storage.InitializeAsync(seed with { Stores = [new("s9", "Other", "Xi'an", "CNY", "Asia/Shanghai")] }, Ct);

        StorageAssert.SameCatalog(seed, await storage.LoadCatalogAsync(Ct));
        var total = Assert.Single(await storage.LoadTotalsAsync(Ct));
        Assert.Equal(5, total.Total);
    }

    [Fact]
    public async Task DisposeAsync_ThenReopen_KeepsEverythingWritten()
    {
        var seed = TestCatalog.Create();
        var first = await OpenAsync(seed);
        var order = TestOrders.Create(42);
        var record = TestOrders.Idempotency("key-1");
        await CommitAsync(
            first,
            TestOrders.Insert(order, [new HoldLine(TestCatalog.LimitedDish, 2)], record),
            new SetStockTotal("s1", TestCatalog.LimitedDish, 25));
        await first.DisposeAsync();

        var reopened = await OpenAsync();

        StorageAssert.SameOrder(order.ToSnapshot(), (await reopened.FindAsync(42, Ct))?.ToSnapshot());
        StorageAssert.SameCatalog(seed, await reopened.LoadCatalogAsync(Ct));
        Assert.Equal(25, Assert.Single(await reopened.LoadTotalsAsync(Ct)).Total);
        Assert.Equal(42, Assert.Single(await reopened.LoadActiveHoldsAsync(Ct)).OrderId);
        Assert.Equal(record.Body, (await FindRecordAsync(reopened, record.Scope, record.Key))?.Body);
    }

    [Fact]
    public async Task PingAsync_AfterInitialize_ReturnsTrue()
    {
        var storage = await OpenAsync();

        Assert.True(await storage.PingAsync(Ct));
    }
}
