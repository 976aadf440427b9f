namespace Canteen.Redis;

/// <summary>Where the Redis stock authority keeps its state, and how long its order records live.</summary>
public sealed class RedisStockOptions
{
    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c> (<c>Canteen:Redis:Configuration</c>).</summary>
    public string Configuration { get; set; } = string.Empty;

    /// <summary>
    /// The first segment of every key (<c>Canteen:Redis:KeyPrefix</c>). Instances sharing a prefix share stock; tests
    /// use a unique one each. Must not contain braces, which would change the cluster hash tag.
    /// </summary>
    public string KeyPrefix { get; set; } = "canteen";

    /// <summary>How long a Cancel's barrier (and a cancelled hold) is kept, so a late Try of that order holds nothing.</summary>
    public TimeSpan BarrierTtl { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long the order id → store record lives. Confirm, Cancel and Return find a hold through it, so it must
    /// outlive the hold: holds end by their payment deadline (minutes), and confirmed ones are forgotten at the daily
    /// reset.
    /// </summary>
    public TimeSpan OrderIndexTtl { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// Whether the Try script claims the order index itself (one round trip) instead of a SET NX GET before it (two).
    /// Only possible when the index and the store's keys are on one node; <c>null</c> (the default) decides by the
    /// connection: true unless the server is a cluster.
    /// </summary>
    public bool? ClaimOrderInScript { get; set; }
}
