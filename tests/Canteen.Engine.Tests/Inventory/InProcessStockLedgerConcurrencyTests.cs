using Canteen.Core.Inventory;
using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;
using Canteen.Engine.Tests.Support;
using Xunit;

namespace Canteen.Engine.Tests.Inventory;

/// <summary>
/// Many threads hitting one dish at once. Every caller is started by the same gate, so they really overlap; the
/// assertions are about bookkeeping (no portion lost or counted twice), never about timing.
/// </summary>
public sealed class InProcessStockLedgerConcurrencyTests
{
    private const string Store = "sh-jingan";
    private const string Dish = "braised-pork";
    private const int Portions = 1000;
    private static readonly DateTimeOffset Deadline = new(2026, 3, 14, 4, 15, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static InProcessStockLedger Ledger()
    {
        var ledger = new InProcessStockLedger();
        ledger.Load([new StockTotal(Store, Dish, Portions, Portions)], []);
        return ledger;
    }

    private static HoldRequest Request(long orderId, int quantity) =>
        new(orderId, Store, [new HoldLine(Dish, quantity)], Deadline);

    private static async Task<StockLevel> LevelAsync(InProcessStockLedger ledger) =>
        await ledger.GetLevelAsync(Store, Dish, Ct) ?? throw new InvalidOperationException("Not limited.");

    [Fact]
    public async Task TryConfirmCancel_ManyConcurrentCallers_AccountForEveryPortion()
    {
        const int Workers = 64;
        const int AttemptsPerWorker = 200;
        var ledger = Ledger();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var workers = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            await start.Task;
            var random = new Random(worker);
            var open = new List<(long OrderId, int Quantity)>();
            var (sold, soldOut) = (0, 0);
            for (var attempt = 0; attempt < AttemptsPerWorker; attempt++)
            {
                var orderId = (worker * 1_000_000L) + attempt + 1;
                var quantity = random.Next(1, 4);
                var result = await ledger.TryHoldAsync(Request(orderId, quantity), Ct);
                if (result.Succeeded)
                {
                    Assert.Equal([new HoldLine(Dish, quantity)], result.Held);
                    open.Add((orderId, quantity));
                }
                else
                {
                    Assert.Equal([Dish], result.SoldOutDishIds);
                    soldOut++;
                }

                // Settle a random open hold most of the time, sometimes with a redundant second step.
                if (open.Count > 0 && random.Next(3) != 0)
                {
                    var index = random.Next(open.Count);
                    var (settledId, settledQuantity) = open[index];
                    open.RemoveAt(index);
                    if (random.Next(2) == 0)
                    {
                        Assert.True(await ledger.ConfirmAsync(settledId, Ct));
                        sold += settledQuantity;
                        if (random.Next(4) == 0)
                        {
                            await ledger.CancelAsync(settledId, Ct);
                        }
                    }
                    else
                    {
                        await ledger.CancelAsync(settledId, Ct);
                        if (random.Next(4) == 0)
                        {
                            Assert.False(await ledger.ConfirmAsync(settledId, Ct));
                        }
                    }
                }

                var level = await LevelAsync(ledger);
                Assert.True(level.IsConsistent);
                Assert.Equal(Portions, level.Total);
            }

            return (Reserved: open.Sum(h => h.Quantity), Sold: sold, SoldOut: soldOut);
        }, Ct)).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(workers).Guarded();

        var final = await LevelAsync(ledger);
        Assert.True(final.IsConsistent);
        Assert.Equal(Portions, final.Available + final.Reserved + final.Sold);
        Assert.Equal(results.Sum(r => r.Reserved), final.Reserved);
        Assert.Equal(results.Sum(r => r.Sold), final.Sold);
        // Demand is far above supply, so the dish did sell out along the way.
        Assert.True(results.Sum(r => r.SoldOut) > 0);
    }

    [Fact]
    public async Task ConfirmAndCancel_RacingOnTheSameOrder_ExactlyOneWins()
    {
        const int Rounds = 400;
        const int Quantity = 2;
        var ledger = Ledger();

        for (var orderId = 1L; orderId <= Rounds; orderId++)
        {
            Assert.True((await ledger.TryHoldAsync(Request(orderId, Quantity), Ct)).Succeeded);
            var before = await LevelAsync(ledger);
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var id = orderId;
            var confirm = Task.Run(async () =>
            {
                await go.Task;
                return await ledger.ConfirmAsync(id, Ct);
            }, Ct);
            var cancel = Task.Run(async () =>
            {
                await go.Task;
                await ledger.CancelAsync(id, Ct);
            }, Ct);

            go.SetResult();
            var confirmed = await confirm.Guarded();
            await cancel.Guarded();

            var after = await LevelAsync(ledger);
            Assert.Equal(before.Reserved - Quantity, after.Reserved);
            if (confirmed)
            {
                Assert.Equal(before.Sold + Quantity, after.Sold);
                Assert.Equal(before.Available, after.Available);
            }
            else
            {
                Assert.Equal(before.Sold, after.Sold);
                Assert.Equal(before.Available + Quantity, after.Available);
            }

            // The loser retrying changes nothing.
            Assert.Equal(confirmed, await ledger.ConfirmAsync(id, Ct));
            await ledger.CancelAsync(id, Ct);
            Assert.Equal(after, await LevelAsync(ledger));
        }

        Assert.Equal(Portions, (await LevelAsync(ledger)).Total);
    }

    [Fact]
    public async Task TryAndCancel_RacingOnTheSameOrder_NeverLeaveAHold()
    {
        const int Rounds = 400;
        var ledger = Ledger();

        for (var orderId = 1L; orderId <= Rounds; orderId++)
        {
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var id = orderId;
            var tryHold = Task.Run(async () =>
            {
                await go.Task;
                return await ledger.TryHoldAsync(Request(id, 3), Ct);
            }, Ct);
            var cancel = Task.Run(async () =>
            {
                await go.Task;
                await ledger.CancelAsync(id, Ct);
            }, Ct);

            go.SetResult();
            await tryHold.Guarded();
            await cancel.Guarded();

            // Whichever came first, the cancel wins: nothing stays reserved and nothing can be sold.
            Assert.Equal(new StockLevel(Dish, Portions, 0, 0), await LevelAsync(ledger));
            Assert.False(await ledger.ConfirmAsync(id, Ct));
        }
    }

    [Fact]
    public async Task TryHold_SameOrderFromManyThreads_ReservesOnce()
    {
        var ledger = Ledger();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            await go.Task;
            return await ledger.TryHoldAsync(Request(7, 5), Ct);
        }, Ct)).ToArray();

        go.SetResult();
        var results = await Task.WhenAll(attempts).Guarded();

        Assert.All(results, r => Assert.Equal([new HoldLine(Dish, 5)], r.Held));
        Assert.Equal(new StockLevel(Dish, Portions - 5, 5, 0), await LevelAsync(ledger));
    }

    [Fact]
    public async Task TryHold_LastPortionsContended_NeverOversells()
    {
        var ledger = new InProcessStockLedger();
        ledger.Load([new StockTotal(Store, Dish, 10, 10)], []);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(1, 100).Select(id => Task.Run(async () =>
        {
            await go.Task;
            return await ledger.TryHoldAsync(Request(id, 1), Ct);
        }, Ct)).ToArray();

        go.SetResult();
        var results = await Task.WhenAll(attempts).Guarded();

        Assert.Equal(10, results.Count(r => r.Succeeded));
        Assert.Equal(new StockLevel(Dish, 0, 10, 0), await LevelAsync(ledger));
    }
}
