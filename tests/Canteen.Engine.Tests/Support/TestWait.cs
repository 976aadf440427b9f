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

    /// <summary>Waits until <paramref name="condition"/> holds, looking every millisecond; cancelled by the guard.</summary>
    public static async Task UntilAsync(Func<bool> condition)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(Guard);
        while (!condition())
        {
            await Task.Delay(1, guard.Token);
        }
    }
}
