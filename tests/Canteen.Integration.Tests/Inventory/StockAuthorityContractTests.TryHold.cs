using Canteen.Core.Inventory;
using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;

namespace Canteen.Integration.Tests.Inventory;

public abstract partial class StockAuthorityContractTests
{
    [Fact]
    public async Task TryHold_EveryLineAvailable_ReservesEveryLine()
    {
        var stock = await CreateAsync();

        var result = await stock.TryHoldAsync(Request(1, (Pork, 2), (Duck, 3)), Ct);

        Assert.True(result.Succeeded);
        Assert.Empty(result.SoldOutDishIds);
        Assert.Equal([new HoldLine(Pork, 2), new HoldLine(Duck, 3)], result.Held);
        Assert.Equal(new StockLevel(Pork, 48, 2, 0), await LevelAsync(stock, Pork));
        Assert.Equal(new StockLevel(Duck, 17, 3, 0), await LevelAsync(stock, Duck));
    }

    [Fact]
    public async Task TryHold_SecondDishShort_HoldsNothingAndNamesThatDish()
    {
        var stock = await CreateAsync();

        var result = await stock.TryHoldAsync(Request(1, (Pork, 2), (Duck, 21)), Ct);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Held);
        Assert.Equal([Duck], result.SoldOutDishIds);
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(stock, Pork));
        Assert.Equal(new StockLevel(Duck, 20, 0, 0), await LevelAsync(stock, Duck));
    }

    [Fact]
    public async Task TryHold_SeveralDishesShort_NamesEveryShortDishAndOnlyThose()
    {
        var stock = await CreateAsync();

        var result = await stock.TryHoldAsync(Request(1, (Duck, 21), (Crayfish, 30), (Pork, 51)), Ct);

        Assert.False(result.Succeeded);
        Assert.Equal([Pork, Duck], result.SoldOutDishIds.Order(StringComparer.Ordinal));
        Assert.Equal(new StockLevel(Crayfish, 30, 0, 0), await LevelAsync(stock, Crayfish));
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(stock, Pork));
    }

    [Fact]
    public async Task TryHold_FirstDishShortLaterDishFits_ReservesNothingOfTheLaterDish()
    {
        var stock = await CreateAsync();

        var result = await stock.TryHoldAsync(Request(1, (Pork, 51), (Duck, 1)), Ct);

        Assert.False(result.Succeeded);
        Assert.Equal([Pork], result.SoldOutDishIds);
        Assert.Equal(new StockLevel(Duck, 20, 0, 0), await LevelAsync(stock, Duck));
    }

    [Fact]
    public async Task TryHold_SameDishOnTwoLines_SumsTheQuantities()
    {
        var stock = await CreateAsync();

        var tooMuch = await stock.TryHoldAsync(Request(1, (Pork, 30), (Pork, 21)), Ct);
        var fits = await stock.TryHoldAsync(Request(2, (Pork, 30), (Pork, 20)), Ct);

        Assert.False(tooMuch.Succeeded);
        Assert.Equal([Pork], tooMuch.SoldOutDishIds);
        Assert.True(fits.Succeeded);
        Assert.Equal([new HoldLine(Pork, 50)], fits.Held);
        Assert.Equal(new StockLevel(Pork, 0, 50, 0), await LevelAsync(stock, Pork));
    }

    [Fact]
    public async Task TryHold_WithUnlimitedDishes_HoldsOnlyTheLimitedOnes()
    {
        var stock = await CreateAsync();

        var result = await stock.TryHoldAsync(Request(1, (Dumplings, 99), (Pork, 1), (Dumplings, 5)), Ct);

        Assert.True(result.Succeeded);
        Assert.Equal([new HoldLine(Pork, 1)], result.Held);
        Assert.Null(await stock.GetLevelAsync(Store, Dumplings, Ct));
    }

    [Fact]
    public async Task TryHold_OnlyUnlimitedDishes_SucceedsHoldingNothing()
    {
        var stock = await CreateAsync();

        var result = await stock.TryHoldAsync(Request(1, (Dumplings, 99)), Ct);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Held);
    }

    [Fact]
    public async Task TryHold_LimitedDishOfAnotherStore_IsNotHeldHere()
    {
        var stock = await CreateAsync();

        var result = await stock.TryHoldAsync(new HoldRequest(1, OtherStore, [new HoldLine(Pork, 5)], Deadline), Ct);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Held);
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(stock, Pork));
    }

    [Fact]
    public async Task TryHold_EverythingTaken_NextOrderIsSoldOut()
    {
        var stock = await CreateAsync();

        Assert.True((await stock.TryHoldAsync(Request(1, (Duck, 20)), Ct)).Succeeded);
        var next = await stock.TryHoldAsync(Request(2, (Duck, 1)), Ct);

        Assert.False(next.Succeeded);
        Assert.Equal([Duck], next.SoldOutDishIds);
    }

    [Fact]
    public async Task TryHold_SameOrderTwice_ReturnsTheSameHeldWithoutReservingAgain()
    {
        var stock = await CreateAsync();

        var first = await stock.TryHoldAsync(Request(1, (Pork, 4), (Duck, 2)), Ct);
        var second = await stock.TryHoldAsync(Request(1, (Pork, 4), (Duck, 2)), Ct);

        Assert.True(second.Succeeded);
        Assert.Equal(first.Held, second.Held);
        Assert.Equal(new StockLevel(Pork, 46, 4, 0), await LevelAsync(stock, Pork));
        Assert.Equal(new StockLevel(Duck, 18, 2, 0), await LevelAsync(stock, Duck));
    }

    [Fact]
    public async Task TryHold_RetriedAfterStockRanOut_StillReturnsTheFirstHold()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Duck, 5)), Ct);
        await stock.TryHoldAsync(Request(2, (Duck, 15)), Ct);

        var retried = await stock.TryHoldAsync(Request(1, (Duck, 5)), Ct);

        Assert.True(retried.Succeeded);
        Assert.Equal([new HoldLine(Duck, 5)], retried.Held);
        Assert.Equal(new StockLevel(Duck, 0, 20, 0), await LevelAsync(stock, Duck));
    }
}
