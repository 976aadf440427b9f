using System.Diagnostics;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Running;

/// <summary>
/// N virtual clients, one connection each, each sending its next request as soon as the last one answered. This
/// finds capacity; its latencies are those of a system kept exactly full, not of a given arrival rate.
/// </summary>
internal static class ClosedLoopRunner
{
    public static Task RunAsync(RunState state, Scenario scenario, RequestSender sender, int connections, int seed) =>
        Task.WhenAll(Enumerable.Range(0, connections).Select(i => Task.Run(() => WorkerAsync(state, scenario, sender, seed + i))));

    private static async Task WorkerAsync(RunState state, Scenario scenario, RequestSender sender, int seed)
    {
        var random = new Random(seed);
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            if (!state.TryIssue(now, out var measured))
            {
                return;
            }

            // Closed loop has no cap beyond its connections: the slot only keeps the in-flight count honest.
            _ = sender.TryReserve(int.MaxValue);
            await sender.SendAsync(scenario.Next(random), now, measured);
        }
    }
}
