using Canteen.Core.Inventory;
using Canteen.Engine.Inventory;

namespace Canteen.Integration.Tests.Inventory;

public abstract partial class StockAuthorityContractTests
{
    [Fact]
    public async Task Confirm_HeldOrder_MovesReservedToSold()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Pork, 5), (Duck, 1)), Ct);

        Assert.True(await stock.ConfirmAsync(1, Ct));

        Assert.Equal(new StockLevel(Pork, 45, 0, 5), await LevelAsync(stock, Pork));
        Assert.Equal(new StockLevel(Duck, 19, 0, 1), await LevelAsync(stock, Duck));
    }

    [Fact]
    public async Task Confirm_Twice_SellsOnce()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Pork, 5), (Duck, 1)), Ct);

        Assert.True(await stock.ConfirmAsync(1, Ct));
        Assert.True(await stock.ConfirmAsync(1, Ct));

        Assert.Equal(new StockLevel(Pork, 45, 0, 5), await LevelAsync(stock, Pork));
        Assert.Equal(new StockLevel(Duck, 19, 0, 1), await LevelAsync(stock, Duck));
    }

    [Fact]
    public async Task Confirm_UnknownOrder_ReturnsFalse()
    {
        var stock = await CreateAsync();

        Assert.False(await stock.ConfirmAsync(42, Ct));
    }

    [Fact]
    public async Task Confirm_AfterCancel_ReturnsFalseAndSellsNothing()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Pork, 5)), Ct);
        await stock.CancelAsync(1, Ct);

        Assert.False(await stock.ConfirmAsync(1, Ct));

        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(stock, Pork));
    }

    [Fact]
    public async Task Cancel_HeldOrder_ReturnsThePortions()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Pork, 5), (Crayfish, 2)), Ct);

        await stock.CancelAsync(1, Ct);

        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(stock, Pork));
        Assert.Equal(new StockLevel(Crayfish, 30, 0, 0), await LevelAsync(stock, Crayfish));
    }

    [Fact]
    public async Task Cancel_Twice_ReleasesOnce()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Pork, 5)), Ct);
        await stock.TryHoldAsync(Request(2, (Pork, 3)), Ct);

        await stock.CancelAsync(1, Ct);
        await stock.CancelAsync(1, Ct);

        Assert.Equal(new StockLevel(Pork, 47, 3, 0), await LevelAsync(stock, Pork));
    }

    [Fact]
    public async Task Cancel_AfterConfirm_StaysSold()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Pork, 5)), Ct);

        Assert.True(await stock.ConfirmAsync(1, Ct));
        await stock.CancelAsync(1, Ct);

        Assert.Equal(new StockLevel(Pork, 45, 0, 5), await LevelAsync(stock, Pork));
        Assert.True(await stock.ConfirmAsync(1, Ct));
    }

    [Fact]
    public async Task Cancel_BeforeTry_LeavesABarrierSoTheLateTryReservesNothing()
    {
        var stock = await CreateAsync();

        await stock.CancelAsync(1, Ct);
        var late = await stock.TryHoldAsync(Request(1, (Pork, 5)), Ct);

        Assert.Same(HoldResult.Barred, late);
        Assert.Empty(late.SoldOutDishIds);
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(stock, Pork));
        Assert.False(await stock.ConfirmAsync(1, Ct));
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(stock, Pork));
    }

    [Fact]
    public async Task Cancel_BeforeTryOfOnlyUnlimitedDishes_BarsTheLateTry()
    {
        var stock = await CreateAsync();

        await stock.CancelAsync(1, Ct);

        Assert.Same(HoldResult.Barred, await stock.TryHoldAsync(Request(1, (Dumplings, 2)), Ct));
    }

    [Fact]
    public async Task TryHold_AfterCancelOfAHeldOrder_DoesNotHoldAgain()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Pork, 5)), Ct);
        await stock.CancelAsync(1, Ct);

        var retry = await stock.TryHoldAsync(Request(1, (Pork, 5)), Ct);

        Assert.Same(HoldResult.Barred, retry);
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(stock, Pork));
    }
}
