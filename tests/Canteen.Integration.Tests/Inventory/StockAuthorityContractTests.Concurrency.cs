using Canteen.Core.Inventory;
using Canteen.Engine.Storage;

namespace Canteen.Integration.Tests.Inventory;

public abstract partial class StockAuthorityContractTests
{
    private const int Callers = 128;

    [Fact]
    public async Task TryHold_ManyCallersRaceForFewerPortions_HoldsExactlyThePortions()
    {
        var stock = await CreateAsync([new StockTotal(Store, Pork, 50, 50)]);

        var results = await RaceAsync(Callers, i => stock.TryHoldAsync(Request(i + 1, (Pork, 1)), Ct).AsTask());

        Assert.Equal(50, results.Count(r => r.Succeeded));
        Assert.Equal(Callers - 50, results.Count(r => r.SoldOutDishIds.SequenceEqual([Pork])));
        Assert.Equal(new StockLevel(Pork, 0, 50, 0), await LevelAsync(stock, Pork));
    }

    [Fact]
    public async Task TryHold_ManyCallersRaceForSeveralDishes_NeverOversellsAndReservesExactlyWhatWasHeld()
    {
        var stock = await CreateAsync([new StockTotal(Store, Pork, 40, 40), new StockTotal(Store, Duck, 25, 25)]);

        var results = await RaceAsync(Callers, i => stock.TryHoldAsync(
            Request(i + 1, (Pork, 1 + (i % 3)), (Duck, 1 + (i % 2)), (Dumplings, 1)), Ct).AsTask());

        foreach (var (dish, total) in new[] { (Pork, 40), (Duck, 25) })
        {
            var held = results.SelectMany(r => r.Held).Where(l => l.DishId == dish).Sum(l => l.Quantity);
            Assert.Equal(new StockLevel(dish, total - held, held, 0), await LevelAsync(stock, dish));
        }

        Assert.All(results.Where(r => !r.Succeeded), r => Assert.NotEmpty(r.SoldOutDishIds));
    }

    [Fact]
    public async Task ConfirmAndCancel_RacingOnTheSameOrder_ExactlyOneWins()
    {
        const int orders = 64;
        var stock = await CreateAsync([new StockTotal(Store, Pork, 100, 100)]);
        for (var id = 1; id <= orders; id++)
        {
            Assert.True((await stock.TryHoldAsync(Request(id, (Pork, 1)), Ct)).Succeeded);
        }

        // Even callers confirm, odd callers cancel: each order gets one of each, all released together.
        var confirmed = await RaceAsync(2 * orders, async i =>
        {
            var id = 1 + (i / 2);
            if (i % 2 == 0)
            {
                return await stock.ConfirmAsync(id, Ct);
            }

            await stock.CancelAsync(id, Ct);
            return false;
        });

        var sold = confirmed.Count(c => c);
        Assert.Equal(new StockLevel(Pork, 100 - sold, 0, sold), await LevelAsync(stock, Pork));
        for (var id = 1; id <= orders; id++)
        {
            // The answer is final: a confirmed order stays confirmed, a cancelled one stays refused.
            Assert.Equal(confirmed[2 * (id - 1)], await stock.ConfirmAsync(id, Ct));
        }

        Assert.Equal(new StockLevel(Pork, 100 - sold, 0, sold), await LevelAsync(stock, Pork));
    }

    /// <summary>Starts <paramref name="count"/> calls together behind one gate and waits for them all.</summary>
    protected static async Task<T[]> RaceAsync<T>(int count, Func<int, Task<T>> call)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await call(i);
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(calls);
    }
}
