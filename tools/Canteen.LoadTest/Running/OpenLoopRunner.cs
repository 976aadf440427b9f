using System.Diagnostics;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Running;

/// <summary>
/// Sends at a fixed rate whatever the server does. Each request's latency runs from the moment it was due, not the
/// moment it left, so a stalled server (or a stalled client) cannot hide its stall (no coordinated omission). A
/// request due while the in-flight cap is reached is not sent and is counted as dropped: the report then says the
/// client, not the server, was the limit.
/// </summary>
internal sealed class OpenLoopRunner(RunState state, Scenario scenario, RequestSender sender, RunRecorder recorder)
{
    private static readonly long OneMillisecond = Stopwatch.Frequency / 1000;
    private long _maxLagTicks;

    /// <summary>The furthest the scheduler fell behind its own timetable.</summary>
    public TimeSpan MaxSchedulerLag => TimeSpan.FromSeconds((double)_maxLagTicks / Stopwatch.Frequency);

    public async Task RunAsync(double ratePerSecond, int inFlightCap, int seed)
    {
        var random = new Random(seed);
        var interval = Stopwatch.Frequency / ratePerSecond;
        for (long i = 0; ; i++)
        {
            var due = state.StartTimestamp + (long)(i * interval);
            var now = Stopwatch.GetTimestamp();
            if (due - now > OneMillisecond)
            {
                // Timers are ~1 ms coarse: sleep until close, then send everything that has come due in one burst.
                await Task.Delay(TimeSpan.FromSeconds((double)(due - now) / Stopwatch.Frequency));
                now = Stopwatch.GetTimestamp();
            }

            if (!state.TryIssue(due, out var measured))
            {
                break;
            }

            _maxLagTicks = measured ? Math.Max(_maxLagTicks, now - due) : _maxLagTicks;
            if (!sender.TryReserve(inFlightCap))
            {
                recorder.RecordDropped(measured);
                continue;
            }

            // Sending starts on the thread pool so the scheduler never waits on a socket; latency counts from when
            // the request was due (or when it left, if the scheduler woke up a little early).
            var work = new PendingSend(sender, scenario.Next(random), Math.Min(due, now), measured);
            ThreadPool.UnsafeQueueUserWorkItem(static w => _ = w.Sender.SendAsync(w.Operation, w.Start, w.Measured), work, preferLocal: false);
        }

        await DrainAsync();
    }

    private async Task DrainAsync()
    {
        // Bounded by the HTTP client's timeout: every request in flight ends by then.
        while (sender.InFlight > 0)
        {
            await Task.Delay(5);
        }
    }

    private readonly record struct PendingSend(RequestSender Sender, Operation Operation, long Start, bool Measured);
}
