using Canteen.Core.Ordering;
using Canteen.Engine.Storage;
using Canteen.Integration.Tests.Support;

namespace Canteen.Integration.Tests.Storage;

public abstract partial class StorageContractTests<TStorage>
{
    [Fact]
    public async Task CommitAsync_InsertWithHolds_PersistsThemHeldUntilThePaymentDeadline()
    {
        var storage = await OpenAsync();
        var order = TestOrders.Create(5, storeId: "s2");

        await CommitAsync(storage, TestOrders.Insert(order, [new HoldLine("duck", 2), new HoldLine("cake", 1)]));

        var holds = await storage.LoadActiveHoldsAsync(Ct);
        Assert.Equal(
            [new PersistedHold(5, "s2", "cake", 1, HoldState.Held, order.PaymentDeadline), new PersistedHold(5, "s2", "duck", 2, HoldState.Held, order.PaymentDeadline)],
            holds.OrderBy(h => h.DishId, StringComparer.Ordinal));
        Assert.All(holds, h => Assert.Equal(order.PaymentDeadline.UtcTicks, h.Deadline.UtcTicks));
    }

    [Fact]
    public async Task CommitAsync_InsertWithTwoHoldLinesOfOneDish_AddsThemUp()
    {
        var storage = await OpenAsync();

        await CommitAsync(storage, TestOrders.Insert(TestOrders.Create(5), [new HoldLine("duck", 2), new HoldLine("duck", 3)]));

        Assert.Equal(5, Assert.Single(await storage.LoadActiveHoldsAsync(Ct)).Quantity);
    }

    [Fact]
    public async Task CommitAsync_UpdateWithHoldReleased_RemovesTheOrdersHoldsFromActive()
    {
        var storage = await OpenAsync();
        var released = TestOrders.Create(1);
        var other = TestOrders.Create(2);
        await CommitAsync(
            storage,
            TestOrders.Insert(released, [new HoldLine("duck", 2), new HoldLine("cake", 1)]),
            TestOrders.Insert(other, [new HoldLine("duck", 1)]));

        await CommitAsync(storage, TestOrders.Update(TestOrders.Moved(released, OrderStatus.Cancelled, TimeSpan.FromMinutes(1)), 1, HoldState.Released));

        var hold = Assert.Single(await storage.LoadActiveHoldsAsync(Ct));
        Assert.Equal((2L, HoldState.Held), (hold.OrderId, hold.State));
    }

    [Fact]
    public async Task CommitAsync_UpdateWithHoldConfirmed_KeepsHoldsConfirmedUntilARefundReleasesThem()
    {
        var storage = await OpenAsync();
        var order = TestOrders.Create(1);
        await CommitAsync(storage, TestOrders.Insert(order, [new HoldLine("duck", 2)]));
        var paying = TestOrders.Moved(order, OrderStatus.Paying, TimeSpan.FromSeconds(1));
        var paid = TestOrders.Moved(paying, OrderStatus.Paid, TimeSpan.FromSeconds(1));
        var refunded = TestOrders.Moved(paid, OrderStatus.Refunded, TimeSpan.FromSeconds(1));

        await CommitAsync(storage, TestOrders.Update(paying, 1), TestOrders.Update(paid, 2, HoldState.Confirmed));
        var afterPaid = await storage.LoadActiveHoldsAsync(Ct);
        await CommitAsync(storage, TestOrders.Update(refunded, 3, HoldState.Released));

        Assert.Equal((2, HoldState.Confirmed), (Assert.Single(afterPaid).Quantity, afterPaid[0].State));
        Assert.Empty(await storage.LoadActiveHoldsAsync(Ct));
    }

    [Fact]
    public async Task CommitAsync_UpdateWithoutHoldChange_LeavesHoldsHeld()
    {
        var storage = await OpenAsync();
        var order = TestOrders.Create(1);
        await CommitAsync(storage, TestOrders.Insert(order, [new HoldLine("duck", 2)]));

        await CommitAsync(storage, TestOrders.Update(TestOrders.Moved(order, OrderStatus.Paying, TimeSpan.FromSeconds(1)), 1));

        Assert.Equal(HoldState.Held, Assert.Single(await storage.LoadActiveHoldsAsync(Ct)).State);
    }

    [Fact]
    public async Task CommitAsync_SetStockTotalOfNewDish_UsesTotalAsDailyPortions()
    {
        var storage = await OpenAsync();

        var outcomes = await CommitAsync(storage, new SetStockTotal("s2", "cake", 7));

        Assert.Equal([WriteOutcome.Committed], outcomes);
        Assert.Equal(new StockTotal("s2", "cake", 7, 7), Assert.Single(await storage.LoadTotalsAsync(Ct)));
    }

    [Fact]
    public async Task CommitAsync_SetStockTotalOfExistingDish_KeepsDailyPortions()
    {
        var storage = await OpenAsync(TestCatalog.Create());

        await CommitAsync(storage, new SetStockTotal("s1", TestCatalog.LimitedDish, 15));
        await CommitAsync(storage, new SetStockTotal("s1", TestCatalog.LimitedDish, 12));

        Assert.Equal(
            new StockTotal("s1", TestCatalog.LimitedDish, 12, TestCatalog.LimitedPortions),
            Assert.Single(await storage.LoadTotalsAsync(Ct)));
    }
}
