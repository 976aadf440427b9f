using Xunit;

namespace Canteen.Engine.Tests.Support;

/// <summary>
/// A hang guard, not a timing assertion: a test awaiting something that never happens fails after this long
/// instead of stalling the run.
/// </summary>
internal static class TestWait
{
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    public static Task<T> Guarded<T>(this Task<T> task) => task.WaitAsync(Guard, TestContext.Current.CancellationToken);

    public static Task Guarded(this Task task) => task.WaitAsync(Guard, TestContext.Current.CancellationToken);

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, looking every millisecond and running <paramref name="step"/>
    /// (e.g. advancing a fake clock) between looks; fails once the guard has passed.
    /// </summary>
    public static async Task UntilAsync(Func<bool> condition, Action? step = null)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (!condition())
        {
            Assert.False(guard.IsCancellationRequested, "The condition did not hold within the hang guard.");
            step?.Invoke();
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }
    }
}
