using System.Diagnostics;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Running;

/// <summary>
/// Sends at a fixed rate whatever the server does. Each request's latency runs from the moment it was due, not the
/// moment it left, so a stalled server (or a stalled client) cannot hide its stall (no coordinated omission). A
/// request due while the in-flight cap is reached is not sent and is counted as dropped: the report then says the
/// client, not the server, was the limit. The request bound counts arrivals, sent or dropped: a dropped arrival is
/// part of the load asked for, and counting only those sent would stretch the timetable to make up for the client.
/// </summary>
/// <remarks>
/// The timetable runs on a thread of its own that sleeps precisely (<see cref="PreciseSleep"/>), not on the thread
/// pool: a pool busy with responses woke the old timer loop up to 10 ms late, and the burst it then sent was charged
/// to the server. The request itself is started on the pool, so the timetable never waits on a socket.
/// </remarks>
internal sealed class OpenLoopRunner(RunState state, Scenario scenario, RequestSender sender, RunRecorder recorder)
{
    // Requests due this soon are sent now rather than after a sleep: at 20,000 requests/s a sleep per request would
    // be a system call every 50 µs on cores the server needs, for a precision nobody can see.
    private static readonly long EarlyAllowance = Stopwatch.Frequency / 5_000;

    // Written only by the timetable thread and read once RunAsync has awaited that thread's end: no lock needed.
    private long _maxLagTicks;

    /// <summary>The furthest the scheduler fell behind its own timetable.</summary>
    public TimeSpan MaxSchedulerLag => TimeSpan.FromSeconds((double)_maxLagTicks / Stopwatch.Frequency);

    public async Task RunAsync(double ratePerSecond, int inFlightCap, int seed)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var timetable = new Thread(() =>
        {
            try
            {
                Pace(ratePerSecond, inFlightCap, seed);
                finished.SetResult();
            }
            catch (Exception e)
            {
                finished.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "open-loop timetable",
        };
        timetable.Start();
        await finished.Task;
        await DrainAsync();
    }

    private void Pace(double ratePerSecond, int inFlightCap, int seed)
    {
        var random = new Random(seed);
        var interval = Stopwatch.Frequency / ratePerSecond;
        for (long i = 0; ; i++)
        {
            var due = state.StartTimestamp + (long)(i * interval);
            var now = Stopwatch.GetTimestamp();
            if (due - now > EarlyAllowance)
            {
                PreciseSleep.Until(due);
                now = Stopwatch.GetTimestamp();
            }

            if (!state.TryIssue(due, out var measured))
            {
                break;
            }

            if (measured)
            {
                _maxLagTicks = Math.Max(_maxLagTicks, now - due);
            }

            if (!sender.TryReserve(inFlightCap))
            {
                recorder.RecordDropped(measured);
                continue;
            }

            // A request sent a little early is timed from when it left, one sent late from when it was due.
            var work = new PendingSend(sender, scenario.Next(random), Math.Min(due, now), measured);
            ThreadPool.UnsafeQueueUserWorkItem(static w => _ = w.Sender.SendAsync(w.Operation, w.Start, w.Measured), work, preferLocal: false);
        }
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
