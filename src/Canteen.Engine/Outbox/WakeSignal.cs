namespace Canteen.Engine.Outbox;

/// <summary>
/// A latch the writer sets after each commit and the relay waits on with a timeout, so new events are published at
/// once instead of at the next poll. Setting it is one interlocked read and a <c>TrySetResult</c>: safe to call from
/// the writer loop.
/// </summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _signal = NewSignal();

    public void Set() => Volatile.Read(ref _signal).TrySetResult();

    /// <summary>
    /// Forgets past wake-ups. Call it before looking for work: a commit that lands while the relay is reading then
    /// sets the new latch, so the next wait returns at once instead of missing it.
    /// </summary>
    public void Reset()
    {
        var current = Volatile.Read(ref _signal);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _signal, NewSignal(), current);
        }
    }

    /// <summary>Returns when the latch is set or <paramref name="timeout"/> has passed on <paramref name="time"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var signal = Volatile.Read(ref _signal).Task;
        if (!signal.IsCompleted)
        {
            // The linked source stops the timer when the latch wins, so an early wake-up leaves nothing pending.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(signal, Task.Delay(timeout, time, stop.Token));
            await stop.CancelAsync();
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
