namespace Canteen.Engine.Outbox;

/// <summary>One published batch waiting in one subscriber's queue, and the publisher waiting for it to be handled.</summary>
internal sealed class Delivery(IReadOnlyList<OutboxEvent> events)
{
    // Continuations run on the pool, never inline on the subscriber loop: the relay's work must not run on it.
    private readonly TaskCompletionSource _handled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<OutboxEvent> Events { get; } = events;

    public Task Handled => _handled.Task;

    /// <summary>The publisher gave up (timeout, shutdown): the relay will publish these events again, so skip them.</summary>
    public bool Abandoned => _handled.Task.IsCompleted;

    public void Complete() => _handled.TrySetResult();

    public void Fail(Exception error) => _handled.TrySetException(error);

    public void Abandon() => _handled.TrySetCanceled();
}
