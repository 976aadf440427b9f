using Canteen.Core.Inventory;
using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;

namespace Canteen.Integration.Tests.Inventory;

public abstract partial class StockAuthorityContractTests
{
    [Fact]
    public async Task SetTotal_BelowReservedPlusSold_IsRefusedAndChangesNothing()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Pork, 10)), Ct);
        await stock.ConfirmAsync(1, Ct);
        await stock.TryHoldAsync(Request(2, (Pork, 5)), Ct);

        var result = await stock.SetTotalAsync(Store, Pork, 14, Ct);

        Assert.False(result.Succeeded);
        Assert.False(result.NotLimited);
        Assert.Equal(new StockLevel(Pork, 35, 5, 10), result.Level);
        Assert.Equal(new StockLevel(Pork, 35, 5, 10), await LevelAsync(stock, Pork));
    }

    [Theory]
    [InlineData(15, 0)]
    [InlineData(80, 65)]
    public async Task SetTotal_AtOrAboveReservedPlusSold_AdjustsOnlyAvailable(int total, int available)
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Pork, 10)), Ct);
        await stock.ConfirmAsync(1, Ct);
        await stock.TryHoldAsync(Request(2, (Pork, 5)), Ct);

        var result = await stock.SetTotalAsync(Store, Pork, total, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(new StockLevel(Pork, available, 5, 10), result.Level);
        Assert.Equal(new StockLevel(Pork, available, 5, 10), await LevelAsync(stock, Pork));
    }

    [Fact]
    public async Task SetTotal_Negative_IsRefused()
    {
        var stock = await CreateAsync();

        var result = await stock.SetTotalAsync(Store, Pork, -1, Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(stock, Pork));
    }

    [Theory]
    [InlineData(Store, Dumplings)]
    [InlineData("nowhere", Pork)]
    public async Task SetTotal_DishNotLimited_ReportsNotLimited(string storeId, string dishId)
    {
        var stock = await CreateAsync();

        var result = await stock.SetTotalAsync(storeId, dishId, 10, Ct);

        Assert.False(result.Succeeded);
        Assert.True(result.NotLimited);
        Assert.Null(await stock.GetLevelAsync(storeId, dishId, Ct));
    }

    [Fact]
    public async Task GetLevels_ListsEveryLimitedDishOfTheStoreByDishId()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Crayfish, 2)), Ct);

        var levels = await stock.GetLevelsAsync(Store, Ct);

        Assert.Equal(
            [new StockLevel(Pork, 50, 0, 0), new StockLevel(Crayfish, 28, 2, 0), new StockLevel(Duck, 20, 0, 0)],
            levels);
        Assert.Empty(await stock.GetLevelsAsync(OtherStore, Ct));
    }

    [Fact]
    public async Task ResetDay_SoldAndReserved_SoldGoesToZeroAndHeldPortionsStayReserved()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Pork, 10)), Ct);
        await stock.ConfirmAsync(1, Ct);
        await stock.TryHoldAsync(Request(2, (Pork, 5), (Duck, 20)), Ct);

        await stock.ResetDayAsync(Store, new Dictionary<string, int> { [Pork] = 40, [Duck] = 12 }, Ct);

        Assert.Equal(new StockLevel(Pork, 35, 5, 0), await LevelAsync(stock, Pork));
        Assert.Equal(new StockLevel(Duck, 0, 20, 0), await LevelAsync(stock, Duck));
        Assert.Equal(new StockLevel(Crayfish, 30, 0, 0), await LevelAsync(stock, Crayfish));
    }

    [Fact]
    public async Task ResetDay_ConfirmedHolds_AreForgottenAndHeldOnesStayLive()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Pork, 10)), Ct);
        await stock.ConfirmAsync(1, Ct);
        await stock.TryHoldAsync(Request(2, (Pork, 5)), Ct);

        await stock.ResetDayAsync(Store, new Dictionary<string, int> { [Pork] = 50 }, Ct);

        Assert.False(await stock.ConfirmAsync(1, Ct));
        Assert.True(await stock.ConfirmAsync(2, Ct));
        Assert.Equal(new StockLevel(Pork, 45, 0, 5), await LevelAsync(stock, Pork));
    }

    [Fact]
    public async Task ResetDay_OtherStore_IsUntouched()
    {
        var stock = await CreateAsync([.. DefaultTotals, new StockTotal(OtherStore, Pork, 10, 10)]);
        await stock.TryHoldAsync(new HoldRequest(1, OtherStore, [new HoldLine(Pork, 4)], Deadline), Ct);
        await stock.ConfirmAsync(1, Ct);

        await stock.ResetDayAsync(Store, new Dictionary<string, int> { [Pork] = 50 }, Ct);

        Assert.Equal(new StockLevel(Pork, 6, 0, 4), await stock.GetLevelAsync(OtherStore, Pork, Ct));
        Assert.True(await stock.ConfirmAsync(1, Ct));
    }
}
