using System.Collections.Concurrent;
using Canteen.Engine.Outbox;

namespace Canteen.Engine.Tests.Outbox;

/// <summary>A plain consumer that records what it was handed; it can be held at a gate or made to throw.</summary>
internal sealed class RecordingConsumer(string name) : IEventConsumer
{
    private readonly ConcurrentQueue<Guid> _handled = new();
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; } = name;

    public IReadOnlyList<Guid> Handled => [.. _handled];

    /// <summary>When set, each batch waits for this task before it counts as handled.</summary>
    public Task? Gate { get; set; }

    public bool Fail { get; set; }

    /// <summary>Completes when the first batch has reached the consumer.</summary>
    public Task Arrived => _arrived.Task;

    public async Task HandleAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        _arrived.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
        }

        if (Fail)
        {
            throw new InvalidOperationException("Simulated consumer failure.");
        }

        foreach (var outboxEvent in events)
        {
            _handled.Enqueue(outboxEvent.Id);
        }
    }
}
