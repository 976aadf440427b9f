using System.Collections.Concurrent;
using Canteen.Engine.Outbox;

namespace Canteen.Engine.Tests.Outbox;

/// <summary>A bus that records every published batch and can be told to fail the next publishes.</summary>
internal sealed class RecordingEventBus : IEventBus
{
    private readonly ConcurrentQueue<IReadOnlyList<OutboxEvent>> _batches = new();
    private int _failures;

    public IReadOnlyList<IReadOnlyList<OutboxEvent>> Batches => [.. _batches];

    public IReadOnlyList<Guid> PublishedIds => [.. _batches.SelectMany(b => b).Select(e => e.Id)];

    /// <summary>The next <paramref name="count"/> publishes throw without delivering anything.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failures, count);

    public Task PublishAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            return Task.FromException(new InvalidOperationException("Simulated bus failure."));
        }

        _batches.Enqueue([.. events]);
        return Task.CompletedTask;
    }

    public IAsyncDisposable Subscribe(IEventConsumer consumer) => throw new NotSupportedException();
}
