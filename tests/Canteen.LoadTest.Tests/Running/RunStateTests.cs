using System.Diagnostics;
using Canteen.LoadTest.Running;

namespace Canteen.LoadTest.Tests.Running;

// Timestamps are passed in explicitly, so these tests never depend on how fast the machine is.
public sealed class RunStateTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void TryIssue_DuringWarmup_SendsButDoesNotCount()
    {
        var state = Started(Hour, Hour, 5);

        Assert.True(state.TryIssue(state.MeasureStartTimestamp - 1, out var measured));
        Assert.False(measured);
        Assert.Equal(0, state.Issued);
    }

    [Fact]
    public void TryIssue_RequestBoundReached_StopsTheRun()
    {
        var state = Started(TimeSpan.Zero, Hour, 3);
        var now = state.MeasureStartTimestamp;

        var issued = Enumerable.Range(0, 3).Select(_ => state.TryIssue(now, out var measured) && measured).ToList();

        Assert.All(issued, Assert.True);
        Assert.False(state.TryIssue(now, out _));
        Assert.True(state.Stopped);
        Assert.False(state.TryIssue(now, out _));
        Assert.Equal(3, state.Issued);
    }

    [Fact]
    public void TryIssue_AtOrAfterTheDeadline_Refuses()
    {
        var state = Started(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), long.MaxValue);

        Assert.True(state.TryIssue(state.DeadlineTimestamp - 1, out _));
        Assert.False(state.TryIssue(state.DeadlineTimestamp, out _));
        Assert.Equal(2 * Stopwatch.Frequency, state.MeasureStartTimestamp - state.StartTimestamp);
        Assert.Equal(10 * Stopwatch.Frequency, state.DeadlineTimestamp - state.MeasureStartTimestamp);
    }

    [Fact]
    public void Stop_WhileRunning_RefusesFurtherRequests()
    {
        var state = Started(TimeSpan.Zero, Hour, 100);
        state.Stop();

        Assert.False(state.TryIssue(state.MeasureStartTimestamp, out _));
    }

    private static RunState Started(TimeSpan warmup, TimeSpan duration, long requests)
    {
        var state = new RunState(warmup, duration, requests);
        state.Start();
        return state;
    }
}
