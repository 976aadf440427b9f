namespace Canteen.Engine.Outbox;

/// <summary>Reads what the outbox relay still has to publish. Marking events sent is a write (<c>MarkOutboxSent</c>).</summary>
public interface IOutboxStore
{
    /// <summary>Unsent events in the order they occurred, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<OutboxEvent>> ReadUnsentAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Whether any sent event that occurred before <paramref name="occurredBefore"/> is still stored (see <c>PruneEvents</c>).</summary>
    Task<bool> AnySentBeforeAsync(DateTimeOffset occurredBefore, CancellationToken cancellationToken);
}
