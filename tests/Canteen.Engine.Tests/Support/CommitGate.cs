namespace Canteen.Engine.Tests.Support;

/// <summary>
/// Holds a store double's commits for a test: after <see cref="Block"/> every commit waits in <see cref="PassAsync"/>
/// until <see cref="Unblock"/>, so writes pile up in the writer's queue; <see cref="BlockedCommit"/> completes once
/// one is waiting.
/// </summary>
internal sealed class CommitGate
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _gate;
    private TaskCompletionSource _blockedCommit = NewSignal();

    /// <summary>Completes once a commit is waiting at the gate set by <see cref="Block"/>.</summary>
    public Task BlockedCommit
    {
        get
        {
            lock (_lock)
            {
                return _blockedCommit.Task;
            }
        }
    }

    public void Block()
    {
        lock (_lock)
        {
            _gate = NewSignal();
            _blockedCommit = NewSignal();
        }
    }

    public void Unblock()
    {
        lock (_lock)
        {
            _gate?.TrySetResult();
            _gate = null;
        }
    }

    /// <summary>Completes at once when the gate is open; otherwise signals <see cref="BlockedCommit"/> and waits for it.</summary>
    public Task PassAsync()
    {
        lock (_lock)
        {
            if (_gate is null)
            {
                return Task.CompletedTask;
            }

            _blockedCommit.TrySetResult();
            return _gate.Task;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
