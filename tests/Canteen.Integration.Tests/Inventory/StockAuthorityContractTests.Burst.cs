using System.Collections.Concurrent;
using Canteen.Core.Inventory;
using Canteen.Engine.Storage;

namespace Canteen.Integration.Tests.Inventory;

public abstract partial class StockAuthorityContractTests
{
    private enum Step
    {
        Try,
        Confirm,
        Cancel,
    }

    /// <summary>
    /// Tries, confirms and cancels of 300 orders, shuffled and run by 64 concurrent workers, so every step also
    /// arrives out of order (Cancel before Try, Confirm before Try, retried Tries). Whatever the interleaving, the
    /// end state follows from the answers alone: an order is sold iff a Confirm said true, and still held iff a Try
    /// held it and neither a Confirm won nor a Cancel was sent.
    /// </summary>
    [Fact]
    public async Task Burst_ShuffledTryConfirmCancel_KeepsTheInvariantAndReservedMatchesLiveHolds()
    {
        const int orders = 300;
        var totals = new Dictionary<string, int> { [Pork] = 120, [Duck] = 40 };
        var stock = await CreateAsync([.. totals.Select(t => new StockTotal(Store, t.Key, t.Value, t.Value))]);
        var random = new Random(20260314);
        var steps = new List<(long Order, Step Step)>();
        for (long id = 1; id <= orders; id++)
        {
            steps.Add((id, Step.Try));
            steps.AddRange(random.Next(3) == 0 ? [(id, Step.Try)] : []);
            steps.AddRange(random.Next(5) < 2 ? [(id, Step.Cancel)] : []);
            steps.AddRange(random.Next(2) == 0 ? [(id, Step.Confirm)] : []);
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(steps));
        var held = new ConcurrentDictionary<long, IReadOnlyList<HoldLine>>();
        var confirmed = new ConcurrentDictionary<long, bool>();
        var cancelled = steps.Where(s => s.Step == Step.Cancel).Select(s => s.Order).ToHashSet();
        var next = -1;
        await RaceAsync(64, async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < steps.Count; i = Interlocked.Increment(ref next))
            {
                var (id, step) = steps[i];
                switch (step)
                {
                    case Step.Try:
                        var lines = id % 2 == 0
                            ? new[] { (Pork, 1 + (int)(id % 3)), (Dumplings, 1) }
                            : [(Pork, 1 + (int)(id % 3)), (Duck, 1), (Dumplings, 1)];
                        var result = await stock.TryHoldAsync(Request(id, lines), Ct);
                        if (result.Succeeded && result.Held.Count > 0)
                        {
                            held[id] = result.Held;
                        }

                        break;
                    case Step.Confirm:
                        if (await stock.ConfirmAsync(id, Ct))
                        {
                            confirmed[id] = true;
                        }

                        break;
                    default:
                        await stock.CancelAsync(id, Ct);
                        break;
                }
            }

            return 0;
        });

        Assert.All(confirmed.Keys, id => Assert.True(held.ContainsKey(id), $"Order {id} was confirmed but never held."));
        foreach (var (dish, total) in totals)
        {
            int Sum(Func<long, bool> which) =>
                held.Where(h => which(h.Key)).SelectMany(h => h.Value).Where(l => l.DishId == dish).Sum(l => l.Quantity);
            var sold = Sum(confirmed.ContainsKey);
            var reserved = Sum(id => !confirmed.ContainsKey(id) && !cancelled.Contains(id));
            Assert.Equal(new StockLevel(dish, total - sold - reserved, reserved, sold), await LevelAsync(stock, dish));
        }
    }
}
