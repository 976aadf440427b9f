namespace Canteen.Engine.Outbox;

/// <summary>
/// Something that reacts to outbox events (live pages, kitchen tickets, loyalty, analytics). Delivery is at least
/// once, so a consumer must tolerate seeing an event again; <see cref="InboxConsumer"/> turns that into handled-once.
/// </summary>
public interface IEventConsumer
{
    /// <summary>A stable name: the key of the consumer's inbox. Renaming a consumer makes it handle every event again.</summary>
    string Name { get; }

    /// <summary>
    /// Handles a batch in order. Completing means each event is handled (now or before); throwing means the batch
    /// will be delivered again, so only throw for failures a redelivery can fix.
    /// </summary>
    Task HandleAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);
}
