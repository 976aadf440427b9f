using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Canteen.LoadTest.Workload;
using HdrHistogram;

namespace Canteen.LoadTest.Running;

/// <summary>
/// Counts and latency histograms of the measured phase, recorded lock-free from every sender. Latencies are kept
/// in microseconds in HdrHistograms (3 significant digits), so p99.9 is exact to 0.1% whatever the spread.
/// </summary>
internal sealed class RunRecorder
{
    private const long MaxMicros = 120_000_000;
    private static readonly int OutcomeCount = Enum.GetValues<Outcome>().Length;

    private readonly LongConcurrentHistogram[] _histograms;
    private readonly long[] _byOutcome = new long[OutcomeCount];
    private readonly long[] _statuses = new long[600];
    private readonly ConcurrentDictionary<string, long> _codes = new(StringComparer.Ordinal);
    private long _warmupCompleted;
    private long _dropped;
    private long _placed;

    public RunRecorder()
    {
        _histograms = new LongConcurrentHistogram[Enum.GetValues<OperationKind>().Length * OutcomeCount];
        for (var i = 0; i < _histograms.Length; i++)
        {
            _histograms[i] = NewHistogram();
        }
    }

    /// <summary>Every measured request, whatever its kind and outcome.</summary>
    public LongConcurrentHistogram All { get; } = NewHistogram();

    public long Completed
    {
        get
        {
            var sum = 0L;
            for (var i = 0; i < _byOutcome.Length; i++)
            {
                sum += Interlocked.Read(ref _byOutcome[i]);
            }

            return sum;
        }
    }

    public long WarmupCompleted => Interlocked.Read(ref _warmupCompleted);

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Orders answered 201 in the measured phase.</summary>
    public long Placed => Interlocked.Read(ref _placed);

    public static Outcome Classify(int status) => status switch
    {
        >= 200 and < 300 => Outcome.Ok,
        429 or 503 => Outcome.Shed,
        >= 400 and < 500 => Outcome.Refused,
        _ => Outcome.Failed,
    };

    public long CountOf(Outcome outcome) => Interlocked.Read(ref _byOutcome[(int)outcome]);

    public LongConcurrentHistogram Histogram(OperationKind kind, Outcome outcome) => _histograms[((int)kind * OutcomeCount) + (int)outcome];

    public void Record(OperationKind kind, int status, string? code, long startTimestamp, long endTimestamp, bool measured)
    {
        if (!measured)
        {
            Interlocked.Increment(ref _warmupCompleted);
            return;
        }

        var micros = Math.Clamp(Stopwatch.GetElapsedTime(startTimestamp, endTimestamp).Ticks / 10, 1, MaxMicros);
        var outcome = Classify(status);
        Histogram(kind, outcome).RecordValue(micros);
        All.RecordValue(micros);
        Interlocked.Increment(ref _byOutcome[(int)outcome]);
        Interlocked.Increment(ref _statuses[Math.Clamp(status, 0, _statuses.Length - 1)]);
        if (code is not null)
        {
            _codes.AddOrUpdate(code, 1, static (_, n) => n + 1);
        }

        if (kind == OperationKind.Order && status == 201)
        {
            Interlocked.Increment(ref _placed);
        }
    }

    /// <summary>An open-loop request that was due but not sent because the in-flight cap was reached.</summary>
    public void RecordDropped(bool measured)
    {
        if (measured)
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    public IReadOnlyDictionary<string, long> StatusCounts() => Enumerable.Range(0, _statuses.Length)
        .Where(s => Interlocked.Read(ref _statuses[s]) > 0)
        .ToDictionary(s => s == 0 ? "no-response" : s.ToString(CultureInfo.InvariantCulture), s => Interlocked.Read(ref _statuses[s]), StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> ProblemCodes() =>
        _codes.OrderByDescending(c => c.Value).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    private static LongConcurrentHistogram NewHistogram() => new(1, MaxMicros, 3);
}
