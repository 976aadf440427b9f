using System.Diagnostics;
using System.Globalization;
using Canteen.LoadTest.Running;

namespace Canteen.LoadTest.Reporting;

/// <summary>
/// The live progress line: rewritten in place on a terminal; one plain line a second when output is redirected
/// (a CI log or a file), so the log shows the run's shape without escape codes.
/// </summary>
internal sealed class ProgressReporter(RunState state, RunRecorder recorder, RequestSender sender)
{
    private readonly bool _redirected = Console.IsOutputRedirected;
    private int _lastLength;

    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_redirected ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(250));
        var lastCount = 0L;
        var lastTimestamp = Stopwatch.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = Stopwatch.GetTimestamp();
                var count = recorder.Completed + recorder.WarmupCompleted;
                var rate = (count - lastCount) / Stopwatch.GetElapsedTime(lastTimestamp, now).TotalSeconds;
                (lastCount, lastTimestamp) = (count, now);
                Write(Line(now, rate));
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended; the summary follows.
        }

        if (!_redirected && _lastLength > 0)
        {
            Console.WriteLine();
        }
    }

    private string Line(long now, double rate)
    {
        var elapsed = Stopwatch.GetElapsedTime(state.StartTimestamp, now).TotalSeconds;
        var inv = CultureInfo.InvariantCulture;
        if (!state.IsMeasuring(now))
        {
            return string.Create(inv, $"[{elapsed,6:F1}s warmup ] {recorder.WarmupCompleted,9:N0} done {rate,8:N0}/s | in-flight {sender.InFlight}");
        }

        var p99 = recorder.All.TotalCount > 0 ? recorder.All.GetValueAtPercentile(99) / 1000.0 : 0;
        return string.Create(inv,
            $"[{elapsed,6:F1}s measure] {recorder.Completed,9:N0} done {rate,8:N0}/s | ok {recorder.CountOf(Outcome.Ok):N0} " +
            $"refused {recorder.CountOf(Outcome.Refused):N0} shed {recorder.CountOf(Outcome.Shed):N0} failed {recorder.CountOf(Outcome.Failed):N0} " +
            $"| in-flight {sender.InFlight} dropped {recorder.Dropped:N0} | p99 {p99:F2} ms");
    }

    private void Write(string line)
    {
        if (_redirected)
        {
            Console.WriteLine(line);
            return;
        }

        Console.Write("\r" + line.PadRight(_lastLength));
        _lastLength = line.Length;
    }
}
