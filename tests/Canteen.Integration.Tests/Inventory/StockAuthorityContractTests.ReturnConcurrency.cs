using Canteen.Core.Inventory;
using Canteen.Engine.Storage;

namespace Canteen.Integration.Tests.Inventory;

public abstract partial class StockAuthorityContractTests
{
    [Fact]
    public async Task Return_ManyCallersOnTheSameOrders_ExactlyOneSucceedsPerOrder()
    {
        const int orders = 32;
        var stock = await CreateAsync([new StockTotal(Store, Pork, 100, 100), new StockTotal(Store, Duck, 100, 100)]);
        for (var id = 1; id <= orders; id++)
        {
            Assert.True((await stock.TryHoldAsync(Request(id, (Pork, 2), (Duck, 1)), Ct)).Succeeded);
            Assert.True(await stock.ConfirmAsync(id, Ct));
        }

        // Callers / orders callers per order, all started together.
        var returned = await RaceAsync(Callers, i => stock.ReturnAsync(1 + (i % orders), Ct).AsTask());

        var winners = Enumerable.Range(0, Callers).Where(i => returned[i]).Select(i => 1 + (i % orders)).Order();
        Assert.Equal(Enumerable.Range(1, orders), winners);
        Assert.Equal(new StockLevel(Pork, 100, 0, 0), await LevelAsync(stock, Pork));
        Assert.Equal(new StockLevel(Duck, 100, 0, 0), await LevelAsync(stock, Duck));
    }

    [Fact]
    public async Task Return_RacingTheDailyReset_NeverDisturbsTheNewDay()
    {
        const int orders = 64;
        var stock = await CreateAsync([new StockTotal(Store, Pork, 200, 200)]);
        for (var id = 1; id <= orders; id++)
        {
            await stock.TryHoldAsync(Request(id, (Pork, 2)), Ct);
            await stock.ConfirmAsync(id, Ct);
        }

        // Each Return lands before the reset (its portions are then reset with the rest) or after it (nothing to
        // give back): either way the new day starts from its daily portions with nothing sold. The reset starts in the
        // middle of the Returns, so some land on each side of it.
        const int half = orders / 2;
        var reset = new Dictionary<string, int> { [Pork] = 150 };
        await RaceAsync(orders + 1, async i =>
        {
            if (i == half)
            {
                await stock.ResetDayAsync(Store, reset, Ct);
                return false;
            }

            return await stock.ReturnAsync(i < half ? i + 1 : i, Ct);
        });

        Assert.Equal(new StockLevel(Pork, 150, 0, 0), await LevelAsync(stock, Pork));
        for (var id = 1; id <= orders; id++)
        {
            Assert.False(await stock.ReturnAsync(id, Ct));
        }

        Assert.Equal(new StockLevel(Pork, 150, 0, 0), await LevelAsync(stock, Pork));
    }
}
