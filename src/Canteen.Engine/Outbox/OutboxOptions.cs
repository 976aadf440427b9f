namespace Canteen.Engine.Outbox;

/// <summary>Configuration section <c>Canteen:Outbox</c>: the relay, the in-process bus and the live store feed.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Canteen:Outbox";

    /// <summary>
    /// How often the relay looks for unsent events when nothing wakes it. A committed batch wakes it at once, so this
    /// only bounds the delay for events written by another process (or missed wake-ups).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The most events read, published and marked sent in one round.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>How long one publish may wait for room in a subscriber's queue and for it to handle the batch.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the relay pauses after a failed round before it tries again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Batches that may wait in one subscriber's queue of the in-process bus.</summary>
    public int SubscriberQueueCapacity { get; set; } = 8;

    /// <summary>Events that may wait for one live-feed watcher (an SSE client); a watcher that falls further behind is dropped.</summary>
    public int WatcherBufferCapacity { get; set; } = 256;

    /// <summary>
    /// How long sent events and the consumers' inbox records are kept before the pruner deletes them; zero keeps them
    /// for ever. Must outlast any outage of the relay: an inbox record pruned while its event was still unsent would
    /// let that event be handled a second time.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the pruner looks for events older than <see cref="Retention"/>.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The most outbox rows (and inbox rows per consumer) one pruning commit deletes. Guests' orders share that commit:
    /// 1,000 of each cost about 2 ms of SQLite time on the reference machine.
    /// </summary>
    public int PruneBatchSize { get; set; } = 1000;

    /// <summary>How often an idle SSE stream sends a comment, so proxies and clients can tell it is still alive.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);
}
