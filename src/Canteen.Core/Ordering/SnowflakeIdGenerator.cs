using System.Diagnostics;

namespace Canteen.Core.Ordering;

/// <summary>
/// Snowflake-style 64-bit ids: 41 bits of milliseconds since 2025-01-01 UTC, 10 bits of worker id, 12 bits of
/// sequence. Ids from one generator strictly increase; generators with different worker ids never collide.
/// </summary>
/// <remarks>
/// When the clock steps back by at most <c>maxBackwardDrift</c> (an NTP correction), the generator keeps issuing on
/// its last timestamp, so ids still increase and never repeat; if that millisecond's 4,096 sequence numbers run out
/// it waits for the clock to pass the last timestamp. A larger step back throws <see cref="ClockMovedBackwardsException"/>.
/// A lock is fine here: the critical section is a few instructions and ids are taken once per order.
/// </remarks>
public sealed class SnowflakeIdGenerator
{
    public const int MaxWorkerId = 1023;
    private const int SequenceBits = 12;
    private const int WorkerBits = 10;
    private const long SequenceMask = (1L << SequenceBits) - 1;
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TimeProvider _time;
    private readonly long _workerId;
    private readonly long _maxBackwardDriftMs;
    private readonly Lock _gate = new();
    private long _lastMs = -1;
    private long _sequence;

    public SnowflakeIdGenerator(TimeProvider time, int workerId, TimeSpan? maxBackwardDrift = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(workerId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workerId, MaxWorkerId);
        _time = time;
        _workerId = workerId;
        _maxBackwardDriftMs = (long)(maxBackwardDrift ?? TimeSpan.FromSeconds(5)).TotalMilliseconds;
    }

    public long NextId()
    {
        lock (_gate)
        {
            var now = NowMs();
            if (now < _lastMs)
            {
                var drift = _lastMs - now;
                if (drift > _maxBackwardDriftMs)
                {
                    throw new ClockMovedBackwardsException(TimeSpan.FromMilliseconds(drift));
                }

                now = _lastMs;
            }

            var sequence = 0L;
            if (now == _lastMs)
            {
                sequence = (_sequence + 1) & SequenceMask;
                if (sequence == 0)
                {
                    // State changes only after the wait succeeds: if it throws, the next call must not reuse (last ms, 0).
                    now = WaitPast(_lastMs);
                }
            }

            _sequence = sequence;
            _lastMs = now;
            return (now << (WorkerBits + SequenceBits)) | (_workerId << SequenceBits) | sequence;
        }
    }

    /// <summary>The instant encoded in an id (millisecond precision).</summary>
    public static DateTimeOffset TimestampOf(long id) => Epoch.AddMilliseconds(id >> (WorkerBits + SequenceBits));

    public static int WorkerIdOf(long id) => (int)((id >> SequenceBits) & MaxWorkerId);

    private long NowMs() => (long)(_time.GetUtcNow() - Epoch).TotalMilliseconds;

    private long WaitPast(long lastMs)
    {
        // Bounded by real elapsed time, not by the (possibly fake or stepping) clock we are waiting on.
        var started = Stopwatch.GetTimestamp();
        var spinner = default(SpinWait);
        while (true)
        {
            var now = NowMs();
            if (now > lastMs)
            {
                return now;
            }

            if (Stopwatch.GetElapsedTime(started).TotalMilliseconds > _maxBackwardDriftMs + 1000)
            {
                throw new ClockMovedBackwardsException(TimeSpan.FromMilliseconds(lastMs - now));
            }

            spinner.SpinOnce();
        }
    }
}
