using Canteen.Core.Ordering;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Canteen.Core.Tests.Ordering;

public sealed class SnowflakeIdGeneratorTests
{
    private const int PerMillisecond = 4096;

    // Well after the generator's 2025 epoch; FakeTimeProvider's own default (2000) would give negative timestamps.
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 30, 15, 123, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public void NextId_ManyCallsAsTheClockAdvances_StrictlyIncrease()
    {
        var generator = new SnowflakeIdGenerator(_clock, workerId: 7);
        var random = new Random(1234);
        var previous = long.MinValue;

        for (var i = 0; i < 50_000; i++)
        {
            // Stay below 4,096 ids per millisecond so the generator never has to wait for the fake clock.
            if (i % 1000 == 999)
            {
                _clock.Advance(TimeSpan.FromMilliseconds(1));
            }
            else if (random.Next(10) == 0)
            {
                _clock.Advance(TimeSpan.FromMilliseconds(random.Next(0, 3)));
            }

            var id = generator.NextId();
            Assert.True(id > previous, $"id #{i} ({id}) is not above {previous}.");
            previous = id;
        }
    }

    [Fact]
    public void NextId_FreshGenerator_PositiveWithSequenceZero()
    {
        var id = new SnowflakeIdGenerator(_clock, workerId: 1).NextId();

        Assert.True(id > 0);
        Assert.Equal(0, id & (PerMillisecond - 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(512)]
    [InlineData(SnowflakeIdGenerator.MaxWorkerId)]
    public void TimestampOfWorkerIdOf_Id_DecodeClockAndWorker(int workerId)
    {
        var generator = new SnowflakeIdGenerator(_clock, workerId);
        var first = generator.NextId();
        _clock.Advance(TimeSpan.FromMilliseconds(2500));
        var second = generator.NextId();

        Assert.Equal(Start, SnowflakeIdGenerator.TimestampOf(first));
        Assert.Equal(Start.AddMilliseconds(2500), SnowflakeIdGenerator.TimestampOf(second));
        Assert.Equal(workerId, SnowflakeIdGenerator.WorkerIdOf(first));
        Assert.Equal(workerId, SnowflakeIdGenerator.WorkerIdOf(second));
    }

    [Fact]
    public void TimestampOf_SubMillisecondClock_TruncatesToTheMillisecond()
    {
        _clock.Advance(TimeSpan.FromTicks(7_000));

        var id = new SnowflakeIdGenerator(_clock, workerId: 3).NextId();

        Assert.Equal(Start, SnowflakeIdGenerator.TimestampOf(id));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(SnowflakeIdGenerator.MaxWorkerId + 1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Constructor_WorkerIdOutOfRange_Throws(int workerId)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SnowflakeIdGenerator(_clock, workerId));
    }

    [Fact]
    public void Constructor_NullTimeProvider_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new SnowflakeIdGenerator(null!, 1));
    }

    [Fact]
    public async Task NextId_SequenceExhaustedInOneMillisecond_WaitsForTheNextMillisecond()
    {
        var generator = new SnowflakeIdGenerator(_clock, workerId: 5);
        var ids = Enumerable.Range(0, PerMillisecond).Select(_ => generator.NextId()).ToArray();
        Assert.All(ids, id => Assert.Equal(Start, SnowflakeIdGenerator.TimestampOf(id)));
        Assert.Equal(Enumerable.Range(0, PerMillisecond).Select(i => (long)i), ids.Select(id => id & (PerMillisecond - 1)));

        var cancellation = TestContext.Current.CancellationToken;
        var next = Task.Run(generator.NextId, cancellation);
        await Task.Delay(50, cancellation);

        // The fake clock has not moved, so the 4,097th id cannot have been issued yet, however slow the machine.
        Assert.False(next.IsCompleted, "The 4,097th id was issued without the clock advancing.");
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var id = await next;

        Assert.Equal(Start.AddMilliseconds(1), SnowflakeIdGenerator.TimestampOf(id));
        Assert.True(id > ids[^1]);
        Assert.Equal(0, id & (PerMillisecond - 1));
    }

    [Fact]
    public void NextId_TwoWorkersOnTheSameClock_NeverCollide()
    {
        var first = new SnowflakeIdGenerator(_clock, workerId: 1);
        var second = new SnowflakeIdGenerator(_clock, workerId: 2);
        var a = new HashSet<long>();
        var b = new HashSet<long>();

        for (var i = 0; i < 50_000; i++)
        {
            Assert.True(a.Add(first.NextId()));
            Assert.True(b.Add(second.NextId()));
            if (i % 2000 == 1999)
            {
                _clock.Advance(TimeSpan.FromMilliseconds(1));
            }
        }

        // Same timestamps and sequences on both sides: only the worker bits tell the ids apart.
        Assert.Equal((1L ^ 2L) << 12, a.Min() ^ b.Min());
        Assert.False(a.Overlaps(b));
    }

    [Fact]
    public void NextId_ClockStepsBackWithinDrift_KeepsIncreasingWithoutDuplicates()
    {
        var generator = new SnowflakeIdGenerator(_clock, workerId: 9);
        var ids = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(generator.NextId());
        }

        _clock.AdjustTime(Start.AddSeconds(-1));
        for (var i = 0; i < 1000; i++)
        {
            ids.Add(generator.NextId());
        }

        // Issued on the last timestamp seen, not on the earlier clock.
        Assert.Equal(Start, SnowflakeIdGenerator.TimestampOf(ids[^1]));

        _clock.AdjustTime(Start.AddMilliseconds(3));
        ids.Add(generator.NextId());

        Assert.Equal(Start.AddMilliseconds(3), SnowflakeIdGenerator.TimestampOf(ids[^1]));
        AssertStrictlyIncreasing(ids);
    }

    [Fact]
    public void NextId_ClockStepsBackExactlyMaxDrift_StillIssues()
    {
        var generator = new SnowflakeIdGenerator(_clock, workerId: 9);
        var before = generator.NextId();

        _clock.AdjustTime(Start.AddSeconds(-5));

        Assert.True(generator.NextId() > before);
    }

    [Fact]
    public void NextId_ClockStepsBackBeyondDrift_ThrowsUntilTheClockCatchesUp()
    {
        var generator = new SnowflakeIdGenerator(_clock, workerId: 9);
        var before = generator.NextId();

        _clock.AdjustTime(Start.AddSeconds(-10));
        var ex = Assert.Throws<ClockMovedBackwardsException>(() => generator.NextId());
        Assert.Equal(TimeSpan.FromSeconds(10), ex.Drift);

        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Throws<ClockMovedBackwardsException>(() => generator.NextId());

        _clock.AdjustTime(Start);
        var sameMillisecond = generator.NextId();
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var later = generator.NextId();

        AssertStrictlyIncreasing([before, sameMillisecond, later]);
        Assert.Equal(Start.AddMilliseconds(1), SnowflakeIdGenerator.TimestampOf(later));
    }

    [Fact]
    public void NextId_CustomDrift_ThrowsJustBeyondIt()
    {
        var generator = new SnowflakeIdGenerator(_clock, workerId: 9, maxBackwardDrift: TimeSpan.FromMilliseconds(100));
        generator.NextId();

        _clock.AdjustTime(Start.AddMilliseconds(-100));
        generator.NextId();
        _clock.AdjustTime(Start.AddMilliseconds(-101));

        Assert.Throws<ClockMovedBackwardsException>(() => generator.NextId());
    }

    [Fact]
    public void NextId_FourThreadsOnTheSystemClock_AllUnique()
    {
        const int Threads = 4;
        const int PerThread = 20_000;
        var generator = new SnowflakeIdGenerator(TimeProvider.System, workerId: 11);
        var results = new long[Threads][];
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var ids = new long[PerThread];
            start.SignalAndWait();
            for (var i = 0; i < PerThread; i++)
            {
                ids[i] = generator.NextId();
            }

            results[t] = ids;
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(Threads * PerThread, results.SelectMany(r => r).Distinct().Count());
        Assert.All(results, r => AssertStrictlyIncreasing(r));
    }

    private static void AssertStrictlyIncreasing(IReadOnlyList<long> ids)
    {
        for (var i = 1; i < ids.Count; i++)
        {
            Assert.True(ids[i] > ids[i - 1], $"id #{i} ({ids[i]}) is not above #{i - 1} ({ids[i - 1]}).");
        }
    }

    [Fact]
    public void NextId_WaitForNextMillisecondFails_NextCallDoesNotRepeatAnId()
    {
        var generator = new SnowflakeIdGenerator(_clock, workerId: 1, maxBackwardDrift: TimeSpan.Zero);
        var issued = new HashSet<long>();
        for (var i = 0; i < PerMillisecond; i++)
        {
            Assert.True(issued.Add(generator.NextId()));
        }

        // The fake clock never moves, so the wait for the next millisecond gives up (after about a second).
        Assert.Throws<ClockMovedBackwardsException>(() => generator.NextId());
        // Still stuck: it must refuse again rather than hand out (last millisecond, sequence 1) a second time.
        Assert.Throws<ClockMovedBackwardsException>(() => generator.NextId());
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(issued.Add(generator.NextId()));
    }
}
