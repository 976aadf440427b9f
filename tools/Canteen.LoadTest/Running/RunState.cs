using System.Diagnostics;

namespace Canteen.LoadTest.Running;

/// <summary>
/// The run's clock and bounds: a warmup that is sent but not measured, then a measured phase that ends at the
/// first of its duration and its request count. Every run is bounded by both, so none can run away.
/// </summary>
internal sealed class RunState(TimeSpan warmup, TimeSpan duration, long maxRequests)
{
    private long _issued;
    private volatile bool _stopped;

    public long StartTimestamp { get; private set; }

    public long MeasureStartTimestamp { get; private set; }

    public long DeadlineTimestamp { get; private set; }

    /// <summary>Measured requests issued so far; in open loop, arrivals, including those then dropped at the cap.</summary>
    public long Issued => Math.Min(Interlocked.Read(ref _issued), maxRequests);

    public bool Stopped => _stopped;

    public void Start()
    {
        StartTimestamp = Stopwatch.GetTimestamp();
        MeasureStartTimestamp = StartTimestamp + ToTimestampTicks(warmup);
        DeadlineTimestamp = MeasureStartTimestamp + ToTimestampTicks(duration);
    }

    public bool IsMeasuring(long timestamp) => timestamp >= MeasureStartTimestamp;

    /// <summary>
    /// May a request due at <paramref name="timestamp"/> be sent, and does it count? A measured one counts against the
    /// request bound from here on, even if the open loop then drops it at its in-flight cap.
    /// </summary>
    public bool TryIssue(long timestamp, out bool measured)
    {
        measured = false;
        if (_stopped || timestamp >= DeadlineTimestamp)
        {
            return false;
        }

        if (!IsMeasuring(timestamp))
        {
            return true;
        }

        measured = true;
        if (Interlocked.Increment(ref _issued) <= maxRequests)
        {
            return true;
        }

        _stopped = true;
        return false;
    }

    /// <summary>Stops issuing (Ctrl+C); requests in flight still complete and are counted.</summary>
    public void Stop() => _stopped = true;

    private static long ToTimestampTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
