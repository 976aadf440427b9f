namespace Canteen.Engine.Outbox;

/// <summary>
/// Carries outbox events to consumers. The outbox relay is the only publisher; consumers subscribe at start-up.
/// </summary>
public interface IEventBus
{
    /// <summary>
    /// Hands a batch of events, in order, to every subscriber, and completes when the bus has taken responsibility for
    /// them: a durable broker once they are appended; the in-process bus, which keeps nothing across a crash, only once
    /// every subscriber has handled them. The relay marks events sent only after this completes, so an exception (or a
    /// crash before it completes) means the batch is published again later: delivery is at least once.
    /// </summary>
    Task PublishAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    /// <summary>Starts delivering to <paramref name="consumer"/>; disposing the result stops it.</summary>
    IAsyncDisposable Subscribe(IEventConsumer consumer);
}
