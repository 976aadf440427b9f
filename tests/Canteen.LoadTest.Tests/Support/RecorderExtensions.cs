using System.Diagnostics;
using Canteen.LoadTest.Running;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Tests.Support;

internal static class RecorderExtensions
{
    /// <summary>
    /// Records a measured answer that took <paramref name="micros"/> µs, from made-up timestamps rather than a clock, so
    /// latency tests are exact. Half a microsecond is added so the recorder's truncation lands on the intended value.
    /// </summary>
    public static void RecordAnswer(this RunRecorder recorder, OperationKind kind, int status, string? code = null, long micros = 1_000)
    {
        const long start = 1_000_000;
        recorder.Record(kind, status, code, start, start + (long)((micros + 0.5) * Stopwatch.Frequency / 1_000_000), measured: true);
    }
}
