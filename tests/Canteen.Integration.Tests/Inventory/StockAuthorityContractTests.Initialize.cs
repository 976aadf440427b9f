using Canteen.Core.Inventory;
using Canteen.Engine.Storage;

namespace Canteen.Integration.Tests.Inventory;

public abstract partial class StockAuthorityContractTests
{
    [Fact]
    public async Task Initialize_PersistedHolds_RebuildsReservedAndSold()
    {
        var stock = await CreateAsync(
            Persisted(1, Pork, 5, HoldState.Held),
            Persisted(1, Duck, 2, HoldState.Held),
            Persisted(2, Pork, 3, HoldState.Confirmed),
            Persisted(3, Pork, 4, HoldState.Confirmed));

        Assert.Equal(new StockLevel(Pork, 38, 5, 7), await LevelAsync(stock, Pork));
        Assert.Equal(new StockLevel(Duck, 18, 2, 0), await LevelAsync(stock, Duck));
        Assert.Equal(new StockLevel(Crayfish, 30, 0, 0), await LevelAsync(stock, Crayfish));
    }

    [Fact]
    public async Task Initialize_PersistedHolds_KeepTheirTccState()
    {
        var stock = await CreateAsync(
            Persisted(1, Pork, 5, HoldState.Held),
            Persisted(1, Duck, 2, HoldState.Held),
            Persisted(2, Pork, 3, HoldState.Confirmed));

        // A retried Try of a loaded hold returns it without reserving again.
        var retried = await stock.TryHoldAsync(Request(1, (Pork, 5), (Duck, 2)), Ct);
        Assert.True(retried.Succeeded);
        Assert.Equal([new HoldLine(Pork, 5), new HoldLine(Duck, 2)], retried.Held.OrderBy(l => l.DishId, StringComparer.Ordinal));
        Assert.Equal(new StockLevel(Pork, 42, 5, 3), await LevelAsync(stock, Pork));

        // The held order can still be cancelled; the confirmed one stays sold.
        await stock.CancelAsync(1, Ct);
        await stock.CancelAsync(2, Ct);
        Assert.True(await stock.ConfirmAsync(2, Ct));

        Assert.Equal(new StockLevel(Pork, 47, 0, 3), await LevelAsync(stock, Pork));
        Assert.Equal(new StockLevel(Duck, 20, 0, 0), await LevelAsync(stock, Duck));
    }

    [Fact]
    public async Task Initialize_LoadedHeldOrder_CanBeConfirmed()
    {
        var stock = await CreateAsync(Persisted(1, Pork, 5, HoldState.Held));

        Assert.True(await stock.ConfirmAsync(1, Ct));

        Assert.Equal(new StockLevel(Pork, 45, 0, 5), await LevelAsync(stock, Pork));
    }

    [Fact]
    public async Task Initialize_LoadedConfirmedOrder_IsForgottenAtTheDailyReset()
    {
        var stock = await CreateAsync(Persisted(1, Pork, 5, HoldState.Confirmed));

        await stock.ResetDayAsync(Store, new Dictionary<string, int> { [Pork] = 50 }, Ct);

        Assert.False(await stock.ConfirmAsync(1, Ct));
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(stock, Pork));
    }

    [Fact]
    public async Task Initialize_TotalBelowReservedPlusSold_AvailableIsZeroNeverNegative()
    {
        var stock = await CreateAsync(
            [new StockTotal(Store, Pork, 4, 50)],
            Persisted(1, Pork, 3, HoldState.Held),
            Persisted(2, Pork, 2, HoldState.Confirmed));

        var level = await LevelAsync(stock, Pork);
        Assert.Equal(new StockLevel(Pork, 0, 3, 2), level);
        Assert.True(level.IsConsistent);
    }
}
