using Canteen.Core.Inventory;
using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;

namespace Canteen.Integration.Tests.Inventory;

/// <summary>Return: a refund before cooking moves a confirmed hold's portions from sold back to available.</summary>
public abstract partial class StockAuthorityContractTests
{
    [Fact]
    public async Task Return_ConfirmedOrder_MovesExactlyItsLinesFromSoldToAvailable()
    {
        var stock = await CreateAsync();
        // Two lines of pork in one order add up; the unlimited dumplings are not held at all.
        await stock.TryHoldAsync(Request(1, (Pork, 3), (Duck, 2), (Pork, 2), (Dumplings, 4)), Ct);
        await stock.TryHoldAsync(Request(2, (Pork, 4)), Ct);
        await stock.TryHoldAsync(Request(3, (Pork, 1), (Crayfish, 2)), Ct);
        Assert.True(await stock.ConfirmAsync(1, Ct));
        Assert.True(await stock.ConfirmAsync(2, Ct));
        Assert.Equal(new StockLevel(Pork, 40, 1, 9), await LevelAsync(stock, Pork));

        Assert.True(await stock.ReturnAsync(1, Ct));

        Assert.Equal(new StockLevel(Pork, 45, 1, 4), await LevelAsync(stock, Pork));
        Assert.Equal(new StockLevel(Duck, 20, 0, 0), await LevelAsync(stock, Duck));
        Assert.Equal(new StockLevel(Crayfish, 28, 2, 0), await LevelAsync(stock, Crayfish));
        await AssertConsistentAsync(stock, Pork, 50);
        await AssertConsistentAsync(stock, Duck, 20);
        await AssertConsistentAsync(stock, Crayfish, 30);
    }

    [Fact]
    public async Task Return_Twice_ReturnsOnce()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Pork, 5), (Duck, 1)), Ct);
        await stock.TryHoldAsync(Request(2, (Pork, 3)), Ct);
        await stock.ConfirmAsync(1, Ct);
        await stock.ConfirmAsync(2, Ct);

        Assert.True(await stock.ReturnAsync(1, Ct));
        Assert.False(await stock.ReturnAsync(1, Ct));

        Assert.Equal(new StockLevel(Pork, 47, 0, 3), await LevelAsync(stock, Pork));
        Assert.Equal(new StockLevel(Duck, 20, 0, 0), await LevelAsync(stock, Duck));
    }

    [Fact]
    public async Task Return_HeldOrder_ChangesNothingAndTheHoldStillConfirmsOrCancels()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Pork, 5)), Ct);
        await stock.TryHoldAsync(Request(2, (Duck, 2)), Ct);

        Assert.False(await stock.ReturnAsync(1, Ct));
        Assert.False(await stock.ReturnAsync(2, Ct));
        Assert.Equal(new StockLevel(Pork, 45, 5, 0), await LevelAsync(stock, Pork));
        Assert.Equal(new StockLevel(Duck, 18, 2, 0), await LevelAsync(stock, Duck));

        Assert.True(await stock.ConfirmAsync(1, Ct));
        await stock.CancelAsync(2, Ct);
        Assert.Equal(new StockLevel(Pork, 45, 0, 5), await LevelAsync(stock, Pork));
        Assert.Equal(new StockLevel(Duck, 20, 0, 0), await LevelAsync(stock, Duck));

        // Confirmed now, so it can be returned after all.
        Assert.True(await stock.ReturnAsync(1, Ct));
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(stock, Pork));
    }

    [Fact]
    public async Task Return_CancelledOrderOrBarrier_ReturnsFalseAndChangesNothing()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Pork, 5)), Ct);
        await stock.CancelAsync(1, Ct);
        await stock.CancelAsync(2, Ct);

        Assert.False(await stock.ReturnAsync(1, Ct));
        Assert.False(await stock.ReturnAsync(2, Ct));

        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(stock, Pork));
        Assert.Same(HoldResult.Barred, await stock.TryHoldAsync(Request(2, (Pork, 5)), Ct));
    }

    [Fact]
    public async Task Return_UnknownOrder_ReturnsFalseAndLeavesNoBarrier()
    {
        var stock = await CreateAsync();

        Assert.False(await stock.ReturnAsync(42, Ct));

        // Unlike Cancel, a Return of an unknown order must not bar it: it can still be tried normally.
        Assert.True((await stock.TryHoldAsync(Request(42, (Pork, 2)), Ct)).Succeeded);
        Assert.Equal(new StockLevel(Pork, 48, 2, 0), await LevelAsync(stock, Pork));
    }

    [Fact]
    public async Task Return_AfterResetDay_ReturnsFalseAndLeavesTheNewDayAlone()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Pork, 10), (Duck, 2)), Ct);
        await stock.ConfirmAsync(1, Ct);
        await stock.ResetDayAsync(Store, new Dictionary<string, int> { [Pork] = 40, [Duck] = 20 }, Ct);
        await stock.TryHoldAsync(Request(2, (Pork, 3)), Ct);
        await stock.ConfirmAsync(2, Ct);

        // Yesterday's portions were settled by the reset: giving them back would add them to today's total.
        Assert.False(await stock.ReturnAsync(1, Ct));

        Assert.Equal(new StockLevel(Pork, 37, 0, 3), await LevelAsync(stock, Pork));
        Assert.Equal(new StockLevel(Duck, 20, 0, 0), await LevelAsync(stock, Duck));
        Assert.True(await stock.ReturnAsync(2, Ct));
        Assert.Equal(new StockLevel(Pork, 40, 0, 0), await LevelAsync(stock, Pork));
    }

    [Fact]
    public async Task ConfirmCancelAndTry_AfterReturn_ChangeNothing()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Pork, 5), (Duck, 1)), Ct);
        await stock.ConfirmAsync(1, Ct);
        Assert.True(await stock.ReturnAsync(1, Ct));

        // The returned hold is released: it is not sold again, not released again, and its retried Try is barred.
        Assert.False(await stock.ConfirmAsync(1, Ct));
        await stock.CancelAsync(1, Ct);
        Assert.Same(HoldResult.Barred, await stock.TryHoldAsync(Request(1, (Pork, 5), (Duck, 1)), Ct));
        Assert.False(await stock.ReturnAsync(1, Ct));

        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(stock, Pork));
        Assert.Equal(new StockLevel(Duck, 20, 0, 0), await LevelAsync(stock, Duck));
    }

    [Fact]
    public async Task Return_SoldOutDish_ItsPortionsCanBeHeldAgainByANewOrder()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Duck, 20)), Ct);
        await stock.ConfirmAsync(1, Ct);
        Assert.Equal([Duck], (await stock.TryHoldAsync(Request(2, (Duck, 1)), Ct)).SoldOutDishIds);

        Assert.True(await stock.ReturnAsync(1, Ct));

        var again = await stock.TryHoldAsync(Request(3, (Duck, 20)), Ct);
        Assert.True(again.Succeeded);
        Assert.True(await stock.ConfirmAsync(3, Ct));
        Assert.Equal(new StockLevel(Duck, 0, 0, 20), await LevelAsync(stock, Duck));
    }

    [Fact]
    public async Task Return_OfAPersistedConfirmedHold_GivesItsPortionsBack()
    {
        var stock = await CreateAsync(
            Persisted(7, Pork, 4, HoldState.Confirmed),
            Persisted(7, Duck, 1, HoldState.Confirmed),
            Persisted(8, Pork, 2, HoldState.Held));

        Assert.False(await stock.ReturnAsync(8, Ct));
        Assert.True(await stock.ReturnAsync(7, Ct));

        Assert.Equal(new StockLevel(Pork, 48, 2, 0), await LevelAsync(stock, Pork));
        Assert.Equal(new StockLevel(Duck, 20, 0, 0), await LevelAsync(stock, Duck));
    }
}
