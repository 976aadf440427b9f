using Canteen.Core.Inventory;
using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;

namespace Canteen.Integration.Tests.Inventory;

/// <summary>
/// The contract, plus what an authority shared by several server instances (Redis, PostgreSQL) must also do: a
/// second instance started over live state keeps it (storage is older than the live authority), and TCC steps work
/// whichever instance they arrive at.
/// </summary>
public abstract class SharedStockAuthorityContractTests : StockAuthorityContractTests
{
    [Fact]
    public async Task Initialize_SecondInstanceOverLiveState_KeepsLiveCountersAndHolds()
    {
        var first = await CreateAsync();
        await first.TryHoldAsync(Request(1, (Pork, 5)), Ct);
        await first.TryHoldAsync(Request(2, (Duck, 3)), Ct);
        await first.ConfirmAsync(2, Ct);

        // Storage lags behind: it knows a different total and none of the holds.
        var second = await CreateAsync([new StockTotal(Store, Pork, 10, 10), new StockTotal(Store, Duck, 20, 20)]);

        Assert.Equal(new StockLevel(Pork, 45, 5, 0), await LevelAsync(second, Pork));
        Assert.Equal(new StockLevel(Duck, 17, 0, 3), await LevelAsync(second, Duck));
        Assert.True(await second.ConfirmAsync(1, Ct));
        Assert.Equal(new StockLevel(Pork, 45, 0, 5), await LevelAsync(first, Pork));
    }

    [Fact]
    public async Task Initialize_NewDishOverLiveStore_SeedsOnlyTheNewDishWithItsOwnHolds()
    {
        var first = await CreateAsync([new StockTotal(Store, Pork, 50, 50)]);
        await first.TryHoldAsync(Request(1, (Pork, 5)), Ct);

        var second = await CreateAsync(
            [new StockTotal(Store, Pork, 50, 50), new StockTotal(Store, Duck, 20, 20)],
            Persisted(7, Duck, 4, HoldState.Held),
            Persisted(8, Pork, 9, HoldState.Held));

        Assert.Equal(new StockLevel(Pork, 45, 5, 0), await LevelAsync(second, Pork));
        Assert.Equal(new StockLevel(Duck, 16, 4, 0), await LevelAsync(second, Duck));
        Assert.True(await second.ConfirmAsync(7, Ct));
        Assert.False(await second.ConfirmAsync(8, Ct));
    }

    [Fact]
    public async Task Cancel_OnOneInstanceBeforeTryOnAnother_BarsTheLateTry()
    {
        var first = await CreateAsync();
        var second = await CreateAsync();

        await first.CancelAsync(1, Ct);

        Assert.Same(HoldResult.Barred, await second.TryHoldAsync(Request(1, (Pork, 5)), Ct));
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(first, Pork));
    }

    [Fact]
    public async Task Return_OnAnotherInstance_GivesThePortionsBackOnce()
    {
        var first = await CreateAsync();
        var second = await CreateAsync();
        await first.TryHoldAsync(Request(1, (Pork, 5), (Duck, 2)), Ct);
        Assert.True(await first.ConfirmAsync(1, Ct));

        Assert.True(await second.ReturnAsync(1, Ct));
        Assert.False(await first.ReturnAsync(1, Ct));

        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(first, Pork));
        Assert.Equal(new StockLevel(Duck, 20, 0, 0), await LevelAsync(first, Duck));
        Assert.False(await first.ConfirmAsync(1, Ct));
    }

    [Fact]
    public async Task TryHold_TwoInstancesRaceForFewerPortions_HoldExactlyThePortionsBetweenThem()
    {
        var first = await CreateAsync([new StockTotal(Store, Pork, 30, 30)]);
        var second = await CreateAsync([new StockTotal(Store, Pork, 30, 30)]);

        var results = await RaceAsync(96, i => (i % 2 == 0 ? first : second).TryHoldAsync(Request(i + 1, (Pork, 1)), Ct).AsTask());

        Assert.Equal(30, results.Count(r => r.Succeeded));
        Assert.Equal(new StockLevel(Pork, 0, 30, 0), await LevelAsync(second, Pork));
    }
}
