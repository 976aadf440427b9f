using System.Threading.Channels;

namespace Canteen.Engine.Outbox;

/// <summary>
/// One watcher of a store's live events (an SSE client) with a bounded buffer. Dispose it when the watcher leaves.
/// </summary>
public sealed class StoreEventSubscription : IDisposable
{
    private readonly Channel<OutboxEvent> _buffer;
    private readonly Action<StoreEventSubscription> _detach;

    // Never disposed: it has no timer, and the feed may cancel it from the consumer thread at any moment, even
    // while the watcher is leaving; disposing it would race that call for no gain.
    private readonly CancellationTokenSource _dropped = new();

    internal StoreEventSubscription(string storeId, int capacity, Action<StoreEventSubscription> detach)
    {
        StoreId = storeId;
        _detach = detach;
        _buffer = Channel.CreateBounded<OutboxEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string StoreId { get; }

    /// <summary>The store's events since subscribing, in publish order. Completes when the watcher is dropped.</summary>
    public ChannelReader<OutboxEvent> Events => _buffer.Reader;

    /// <summary>Cancelled when the feed dropped this watcher for falling behind, so a stuck write can be abandoned.</summary>
    public CancellationToken Dropped => _dropped.Token;

    public bool WasDropped => _dropped.IsCancellationRequested;

    public void Dispose()
    {
        _buffer.Writer.TryComplete();
        _detach(this);
    }

    /// <summary>False when the buffer is full: the watcher reads slower than events arrive.</summary>
    internal bool TryWrite(OutboxEvent outboxEvent) => _buffer.Writer.TryWrite(outboxEvent);

    internal void Drop()
    {
        _buffer.Writer.TryComplete();
        _detach(this);
        _dropped.Cancel();
    }
}
