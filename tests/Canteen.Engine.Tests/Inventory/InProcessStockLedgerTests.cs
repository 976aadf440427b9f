using Canteen.Core.Inventory;
using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;
using Xunit;

namespace Canteen.Engine.Tests.Inventory;

public sealed class InProcessStockLedgerTests
{
    private const string Store = "sh-jingan";
    private const string Pork = "braised-pork";
    private const string Crayfish = "crayfish";
    private const string Duck = "peking-duck";
    private const string Dumplings = "xiaolongbao";
    private static readonly DateTimeOffset Deadline = new(2026, 3, 14, 4, 15, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Braised pork 50, crayfish 30, Peking duck 20; xiaolongbao is unlimited.</summary>
    private static InProcessStockLedger Ledger(params PersistedHold[] holds)
    {
        var ledger = new InProcessStockLedger();
        ledger.Load(
            [
                new StockTotal(Store, Pork, 50, 50),
                new StockTotal(Store, Crayfish, 30, 30),
                new StockTotal(Store, Duck, 20, 20),
            ],
            holds);
        return ledger;
    }

    private static HoldRequest Request(long orderId, params (string Dish, int Quantity)[] lines) =>
        new(orderId, Store, [.. lines.Select(l => new HoldLine(l.Dish, l.Quantity))], Deadline);

    private static async Task<StockLevel> LevelAsync(InProcessStockLedger ledger, string dishId) =>
        await ledger.GetLevelAsync(Store, dishId, Ct) ?? throw new InvalidOperationException($"'{dishId}' is not limited.");

    private static PersistedHold Persisted(long orderId, string dishId, int quantity, HoldState state) =>
        new(orderId, Store, dishId, quantity, state, Deadline);

    [Fact]
    public async Task TryHold_EveryLineAvailable_ReservesEveryLine()
    {
        var ledger = Ledger();

        var result = await ledger.TryHoldAsync(Request(1, (Pork, 2), (Duck, 3)), Ct);

        Assert.True(result.Succeeded);
        Assert.Empty(result.SoldOutDishIds);
        Assert.Equal([new HoldLine(Pork, 2), new HoldLine(Duck, 3)], result.Held);
        Assert.Equal(new StockLevel(Pork, 48, 2, 0), await LevelAsync(ledger, Pork));
        Assert.Equal(new StockLevel(Duck, 17, 3, 0), await LevelAsync(ledger, Duck));
    }

    [Fact]
    public async Task TryHold_SecondDishShort_HoldsNothingAndNamesThatDish()
    {
        var ledger = Ledger();

        var result = await ledger.TryHoldAsync(Request(1, (Pork, 2), (Duck, 21)), Ct);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Held);
        Assert.Equal([Duck], result.SoldOutDishIds);
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(ledger, Pork));
        Assert.Equal(new StockLevel(Duck, 20, 0, 0), await LevelAsync(ledger, Duck));
    }

    [Fact]
    public async Task TryHold_SeveralDishesShort_NamesEveryShortDishAndOnlyThose()
    {
        var ledger = Ledger();

        var result = await ledger.TryHoldAsync(Request(1, (Duck, 21), (Crayfish, 30), (Pork, 51)), Ct);

        Assert.False(result.Succeeded);
        Assert.Equal([Pork, Duck], result.SoldOutDishIds.Order(StringComparer.Ordinal));
        Assert.Equal(new StockLevel(Crayfish, 30, 0, 0), await LevelAsync(ledger, Crayfish));
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(ledger, Pork));
    }

    [Fact]
    public async Task TryHold_FirstDishShortLaterDishFits_ReservesNothingOfTheLaterDish()
    {
        var ledger = Ledger();

        var result = await ledger.TryHoldAsync(Request(1, (Pork, 51), (Duck, 1)), Ct);

        Assert.False(result.Succeeded);
        Assert.Equal([Pork], result.SoldOutDishIds);
        Assert.Equal(new StockLevel(Duck, 20, 0, 0), await LevelAsync(ledger, Duck));
    }

    [Fact]
    public async Task TryHold_SameDishOnTwoLines_SumsTheQuantities()
    {
        var ledger = Ledger();

        var tooMuch = await ledger.TryHoldAsync(Request(1, (Pork, 30), (Pork, 21)), Ct);
        var fits = await ledger.TryHoldAsync(Request(2, (Pork, 30), (Pork, 20)), Ct);

        Assert.False(tooMuch.Succeeded);
        Assert.Equal([Pork], tooMuch.SoldOutDishIds);
        Assert.True(fits.Succeeded);
        Assert.Equal([new HoldLine(Pork, 50)], fits.Held);
        Assert.Equal(new StockLevel(Pork, 0, 50, 0), await LevelAsync(ledger, Pork));
    }

    [Fact]
    public async Task TryHold_WithUnlimitedDishes_HoldsOnlyTheLimitedOnes()
    {
        var ledger = Ledger();

        var result = await ledger.TryHoldAsync(Request(1, (Dumplings, 99), (Pork, 1), (Dumplings, 5)), Ct);

        Assert.True(result.Succeeded);
        Assert.Equal([new HoldLine(Pork, 1)], result.Held);
        Assert.Null(await ledger.GetLevelAsync(Store, Dumplings, Ct));
    }

    [Fact]
    public async Task TryHold_OnlyUnlimitedDishes_SucceedsHoldingNothing()
    {
        var ledger = Ledger();

        var result = await ledger.TryHoldAsync(Request(1, (Dumplings, 99)), Ct);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Held);
    }

    [Fact]
    public async Task TryHold_LimitedDishOfAnotherStore_IsNotHeldHere()
    {
        var ledger = Ledger();

        var result = await ledger.TryHoldAsync(new HoldRequest(1, "cd-chunxi", [new HoldLine(Pork, 5)], Deadline), Ct);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Held);
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(ledger, Pork));
    }

    [Fact]
    public async Task TryHold_EverythingTaken_NextOrderIsSoldOut()
    {
        var ledger = Ledger();

        Assert.True((await ledger.TryHoldAsync(Request(1, (Duck, 20)), Ct)).Succeeded);
        var next = await ledger.TryHoldAsync(Request(2, (Duck, 1)), Ct);

        Assert.False(next.Succeeded);
        Assert.Equal([Duck], next.SoldOutDishIds);
    }

    [Fact]
    public async Task TryHold_SameOrderTwice_ReturnsTheSameHeldWithoutReservingAgain()
    {
        var ledger = Ledger();

        var first = await ledger.TryHoldAsync(Request(1, (Pork, 4), (Duck, 2)), Ct);
        var second = await ledger.TryHoldAsync(Request(1, (Pork, 4), (Duck, 2)), Ct);

        Assert.True(second.Succeeded);
        Assert.Equal(first.Held, second.Held);
        Assert.Equal(new StockLevel(Pork, 46, 4, 0), await LevelAsync(ledger, Pork));
        Assert.Equal(new StockLevel(Duck, 18, 2, 0), await LevelAsync(ledger, Duck));
    }

    [Fact]
    public async Task Cancel_Twice_ReleasesOnce()
    {
        var ledger = Ledger();
        await ledger.TryHoldAsync(Request(1, (Pork, 5)), Ct);
        await ledger.TryHoldAsync(Request(2, (Pork, 3)), Ct);

        await ledger.CancelAsync(1, Ct);
        await ledger.CancelAsync(1, Ct);

        Assert.Equal(new StockLevel(Pork, 47, 3, 0), await LevelAsync(ledger, Pork));
    }

    [Fact]
    public async Task Cancel_AfterConfirm_StaysSold()
    {
        var ledger = Ledger();
        await ledger.TryHoldAsync(Request(1, (Pork, 5)), Ct);

        Assert.True(await ledger.ConfirmAsync(1, Ct));
        await ledger.CancelAsync(1, Ct);

        Assert.Equal(new StockLevel(Pork, 45, 0, 5), await LevelAsync(ledger, Pork));
    }

    [Fact]
    public async Task Confirm_AfterCancel_ReturnsFalseAndSellsNothing()
    {
        var ledger = Ledger();
        await ledger.TryHoldAsync(Request(1, (Pork, 5)), Ct);
        await ledger.CancelAsync(1, Ct);

        Assert.False(await ledger.ConfirmAsync(1, Ct));

        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(ledger, Pork));
    }

    [Fact]
    public async Task Confirm_Twice_SellsOnce()
    {
        var ledger = Ledger();
        await ledger.TryHoldAsync(Request(1, (Pork, 5), (Duck, 1)), Ct);

        Assert.True(await ledger.ConfirmAsync(1, Ct));
        Assert.True(await ledger.ConfirmAsync(1, Ct));

        Assert.Equal(new StockLevel(Pork, 45, 0, 5), await LevelAsync(ledger, Pork));
        Assert.Equal(new StockLevel(Duck, 19, 0, 1), await LevelAsync(ledger, Duck));
    }

    [Fact]
    public async Task Confirm_UnknownOrder_ReturnsFalse()
    {
        var ledger = Ledger();

        Assert.False(await ledger.ConfirmAsync(42, Ct));
    }

    [Fact]
    public async Task Cancel_BeforeTry_LeavesABarrierSoTheLateTryReservesNothing()
    {
        var ledger = Ledger();

        await ledger.CancelAsync(1, Ct);
        var late = await ledger.TryHoldAsync(Request(1, (Pork, 5)), Ct);

        Assert.False(late.Succeeded);
        Assert.Empty(late.Held);
        Assert.Empty(late.SoldOutDishIds);
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(ledger, Pork));
        Assert.False(await ledger.ConfirmAsync(1, Ct));
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(ledger, Pork));
    }

    [Fact]
    public async Task TryHold_AfterCancelOfAHeldOrder_DoesNotHoldAgain()
    {
        var ledger = Ledger();
        await ledger.TryHoldAsync(Request(1, (Pork, 5)), Ct);
        await ledger.CancelAsync(1, Ct);

        var retry = await ledger.TryHoldAsync(Request(1, (Pork, 5)), Ct);

        Assert.False(retry.Succeeded);
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(ledger, Pork));
    }

    [Fact]
    public async Task SetTotal_BelowReservedPlusSold_IsRefusedAndChangesNothing()
    {
        var ledger = Ledger();
        await ledger.TryHoldAsync(Request(1, (Pork, 10)), Ct);
        await ledger.ConfirmAsync(1, Ct);
        await ledger.TryHoldAsync(Request(2, (Pork, 5)), Ct);

        var result = await ledger.SetTotalAsync(Store, Pork, 14, Ct);

        Assert.False(result.Succeeded);
        Assert.False(result.NotLimited);
        Assert.Equal(new StockLevel(Pork, 35, 5, 10), result.Level);
        Assert.Equal(new StockLevel(Pork, 35, 5, 10), await LevelAsync(ledger, Pork));
    }

    [Theory]
    [InlineData(15, 0)]
    [InlineData(80, 65)]
    public async Task SetTotal_AtOrAboveReservedPlusSold_AdjustsOnlyAvailable(int total, int available)
    {
        var ledger = Ledger();
        await ledger.TryHoldAsync(Request(1, (Pork, 10)), Ct);
        await ledger.ConfirmAsync(1, Ct);
        await ledger.TryHoldAsync(Request(2, (Pork, 5)), Ct);

        var result = await ledger.SetTotalAsync(Store, Pork, total, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(new StockLevel(Pork, available, 5, 10), result.Level);
        Assert.Equal(total, (await LevelAsync(ledger, Pork)).Total);
    }

    [Fact]
    public async Task SetTotal_Negative_IsRefused()
    {
        var ledger = Ledger();

        var result = await ledger.SetTotalAsync(Store, Pork, -1, Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(ledger, Pork));
    }

    [Theory]
    [InlineData(Store, Dumplings)]
    [InlineData("nowhere", Pork)]
    public async Task SetTotal_DishNotLimited_ReportsNotLimited(string storeId, string dishId)
    {
        var ledger = Ledger();

        var result = await ledger.SetTotalAsync(storeId, dishId, 10, Ct);

        Assert.False(result.Succeeded);
        Assert.True(result.NotLimited);
        Assert.Null(await ledger.GetLevelAsync(storeId, dishId, Ct));
    }

    [Fact]
    public async Task GetLevels_ListsEveryLimitedDishOfTheStoreByDishId()
    {
        var ledger = Ledger();
        await ledger.TryHoldAsync(Request(1, (Crayfish, 2)), Ct);

        var levels = await ledger.GetLevelsAsync(Store, Ct);

        Assert.Equal(
            [new StockLevel(Pork, 50, 0, 0), new StockLevel(Crayfish, 28, 2, 0), new StockLevel(Duck, 20, 0, 0)],
            levels);
        Assert.Empty(await ledger.GetLevelsAsync("cd-chunxi", Ct));
    }

    [Fact]
    public async Task Load_PersistedHolds_RebuildsReservedAndSold()
    {
        var ledger = Ledger(
            Persisted(1, Pork, 5, HoldState.Held),
            Persisted(1, Duck, 2, HoldState.Held),
            Persisted(2, Pork, 3, HoldState.Confirmed),
            Persisted(3, Pork, 4, HoldState.Confirmed));

        Assert.Equal(new StockLevel(Pork, 38, 5, 7), await LevelAsync(ledger, Pork));
        Assert.Equal(new StockLevel(Duck, 18, 2, 0), await LevelAsync(ledger, Duck));
        Assert.Equal(new StockLevel(Crayfish, 30, 0, 0), await LevelAsync(ledger, Crayfish));
    }

    [Fact]
    public async Task Load_PersistedHolds_KeepTheirTccState()
    {
        var ledger = Ledger(
            Persisted(1, Pork, 5, HoldState.Held),
            Persisted(1, Duck, 2, HoldState.Held),
            Persisted(2, Pork, 3, HoldState.Confirmed));

        // A retried Try of a loaded hold returns it without reserving again.
        var retried = await ledger.TryHoldAsync(Request(1, (Pork, 5), (Duck, 2)), Ct);
        Assert.True(retried.Succeeded);
        Assert.Equal([new HoldLine(Pork, 5), new HoldLine(Duck, 2)], retried.Held.OrderBy(l => l.DishId, StringComparer.Ordinal));
        Assert.Equal(new StockLevel(Pork, 42, 5, 3), await LevelAsync(ledger, Pork));

        // The held order can still be cancelled; the confirmed one stays sold.
        await ledger.CancelAsync(1, Ct);
        await ledger.CancelAsync(2, Ct);
        Assert.True(await ledger.ConfirmAsync(2, Ct));

        Assert.Equal(new StockLevel(Pork, 47, 0, 3), await LevelAsync(ledger, Pork));
        Assert.Equal(new StockLevel(Duck, 20, 0, 0), await LevelAsync(ledger, Duck));
    }

    [Fact]
    public async Task Load_LoadedHeldOrder_CanBeConfirmed()
    {
        var ledger = Ledger(Persisted(1, Pork, 5, HoldState.Held));

        Assert.True(await ledger.ConfirmAsync(1, Ct));

        Assert.Equal(new StockLevel(Pork, 45, 0, 5), await LevelAsync(ledger, Pork));
    }

    [Fact]
    public async Task Load_TotalBelowReservedPlusSold_AvailableIsZeroNeverNegative()
    {
        var ledger = new InProcessStockLedger();

        ledger.Load(
            [new StockTotal(Store, Pork, 4, 50)],
            [Persisted(1, Pork, 3, HoldState.Held), Persisted(2, Pork, 2, HoldState.Confirmed)]);

        var level = await LevelAsync(ledger, Pork);
        Assert.Equal(new StockLevel(Pork, 0, 3, 2), level);
        Assert.True(level.IsConsistent);
    }

    [Fact]
    public async Task Load_Again_ReplacesEveryCounterAndHold()
    {
        var ledger = Ledger();
        await ledger.TryHoldAsync(Request(1, (Pork, 5)), Ct);
        await ledger.CancelAsync(2, Ct);

        ledger.Load([new StockTotal(Store, Pork, 10, 10)], []);

        Assert.Equal(new StockLevel(Pork, 10, 0, 0), await LevelAsync(ledger, Pork));
        Assert.Null(await ledger.GetLevelAsync(Store, Duck, Ct));
        Assert.True((await ledger.TryHoldAsync(Request(2, (Pork, 1)), Ct)).Succeeded);
        Assert.Equal(new StockLevel(Pork, 9, 1, 0), await LevelAsync(ledger, Pork));
    }

    [Fact]
    public async Task Load_HoldOfDishWithoutStockTotal_ConfirmAndCancelMoveOnlyCountedLines()
    {
        var ledger = new InProcessStockLedger();
        ledger.Load(
            [new StockTotal(Store, Pork, 10, 10)],
            [Persisted(1, Pork, 2, HoldState.Held), Persisted(1, "no-longer-limited", 4, HoldState.Held), Persisted(2, "no-longer-limited", 1, HoldState.Held)]);

        Assert.True(await ledger.ConfirmAsync(1, Ct));
        await ledger.CancelAsync(2, Ct);

        Assert.Equal(new StockLevel(Pork, 8, 0, 2), await LevelAsync(ledger, Pork));
    }
}
