using System.Diagnostics;
using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;

namespace Canteen.Bench.Stock;

/// <summary>
/// N callers Try one portion each of the same hot dish, each with a new order id, until the attempts or the time
/// run out. Latency is measured per call; throughput over the whole run.
/// </summary>
internal static class HoldRun
{
    public const string Store = "bench-store";
    public const string HotDish = "hot-dish";
    public const string WarmDish = "warm-dish";

    public static async Task<RunResult> RunAsync(string name, IStockAuthority authority, BenchOptions options, long firstOrderId, string dish = HotDish)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(15);
        var latencies = new List<long>[options.Callers];
        long next = -1, held = 0, soldOut = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, options.Callers).Select(c => Task.Run(async () =>
        {
            await gate.Task;
            var mine = latencies[c] = new List<long>(options.Attempts / options.Callers + 16);
            for (var i = Interlocked.Increment(ref next); i < options.Attempts && Stopwatch.GetTimestamp() < stopAt; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                var result = await authority.TryHoldAsync(
                    new HoldRequest(firstOrderId + i, Store, [new HoldLine(dish, 1)], deadline), CancellationToken.None);
                mine.Add(Stopwatch.GetTimestamp() - started);
                Interlocked.Increment(ref result.Succeeded ? ref held : ref soldOut);
            }
        })).ToArray();

        var clock = Stopwatch.StartNew();
        gate.SetResult();
        await Task.WhenAll(callers);
        clock.Stop();

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var level = await authority.GetLevelAsync(Store, dish, CancellationToken.None)
            ?? throw new InvalidOperationException($"{name}: the hot dish is not limited.");
        return new RunResult(
            name, options.Callers, all.Length, held, soldOut, clock.Elapsed,
            Percentile(all, 0.50), Percentile(all, 0.99), options.PortionsOrDefault, level);
    }

    private static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, p * sorted.Length)] * 1000.0 / Stopwatch.Frequency;
}
