using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace Canteen.Engine.Outbox;

/// <summary>
/// Fans each store's events out to whoever is watching that store right now (the SSE endpoint). Publishing never
/// waits: each watcher has a bounded buffer, and a watcher whose buffer is full is dropped (it can reconnect) rather
/// than allowed to slow the bus or grow memory without bound.
/// </summary>
public sealed class StoreEventFeed(IOptions<OutboxOptions> options)
{
    private readonly int _capacity = options.Value.WatcherBufferCapacity;
    private readonly ConcurrentDictionary<string, ImmutableArray<StoreEventSubscription>> _watchers = new(StringComparer.Ordinal);

    /// <summary>Watchers of <paramref name="storeId"/> right now.</summary>
    public int WatcherCount(string storeId) => _watchers.TryGetValue(storeId, out var list) ? list.Length : 0;

    /// <summary>Starts watching a store; events published from now on reach the subscription.</summary>
    public StoreEventSubscription Subscribe(string storeId)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        var subscription = new StoreEventSubscription(storeId, _capacity, Detach);
        _watchers.AddOrUpdate(storeId, _ => [subscription], (_, list) => list.Add(subscription));
        return subscription;
    }

    /// <summary>Hands the event to every watcher of its store, dropping the ones that cannot keep up.</summary>
    public void Publish(OutboxEvent outboxEvent)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        if (!_watchers.TryGetValue(outboxEvent.StoreId, out var list))
        {
            return;
        }

        foreach (var watcher in list)
        {
            if (!watcher.TryWrite(outboxEvent))
            {
                watcher.Drop();
            }
        }
    }

    private void Detach(StoreEventSubscription subscription) =>
        _watchers.AddOrUpdate(subscription.StoreId, _ => [], (_, list) => list.Remove(subscription));
}
