namespace Canteen.Server.Edge;

/// <summary>
/// <c>Canteen:Limits</c>: rate and abuse limits at the edge. Read through <see cref="LimitsState"/>, which binds them
/// again on every configuration change, so a changed configuration file takes effect on the next request, without a
/// restart (a change the binder cannot convert is logged and ignored).
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Canteen:Limits";

    /// <summary>Order placements per caller (token subject; client address when anonymous).</summary>
    public BucketOptions PerCaller { get; set; } = new() { TokenLimit = 10, TokensPerPeriod = 5 };

    /// <summary>Order placements per store, whoever places them: protects one store's kitchen and stock.</summary>
    public BucketOptions PerStore { get; set; } = new() { TokenLimit = 2000, TokensPerPeriod = 1000 };

    /// <summary>Token requests (guest tokens, sign-in) per client address: slows password guessing and identity churn.</summary>
    public BucketOptions Auth { get; set; } = new() { TokenLimit = 60, TokensPerPeriod = 30 };

    /// <summary>Requests in progress at once across the instance (event streams, health and metrics excepted).</summary>
    public int ConcurrencyLimit { get; set; } = 2048;

    /// <summary>Requests that may wait for a slot; beyond that the answer is 503 <c>overloaded</c>.</summary>
    public int ConcurrencyQueueLimit { get; set; } = 2048;

    /// <summary>
    /// Order placements in progress at once on this instance: the admission limit in front of the order writer. A
    /// placement is CPU work plus a wait for a group commit, so a few dozen in flight keep two cores and the writer
    /// busy; admitting more only lengthens every accepted order's wait (on a 2-core machine at 3x its peak, accepted
    /// p99 went from 329 ms to 64 ms with 64 + 32 queued, throughput unchanged: bench/RESULTS.md). 0 turns it off.
    /// </summary>
    public int OrderConcurrencyLimit { get; set; } = 64;

    /// <summary>Placements that may wait for an order slot (a short burst); beyond it the answer is 503 <c>overloaded</c> at once.</summary>
    public int OrderConcurrencyQueueLimit { get; set; } = 32;

    /// <summary>Orders a guest may have waiting for payment at once, so nobody hoards stock; 0 turns the check off.</summary>
    public int MaxUnpaidOrdersPerGuest { get; set; } = 3;

    /// <summary>
    /// Where the per-caller buckets live: <c>memory</c> (per instance, the embedded default) or <c>redis</c> (shared by
    /// every instance, so a caller cannot multiply its rate by spreading requests across them).
    /// </summary>
    public string Store { get; set; } = "memory";

    /// <summary>The Redis connection for <c>Store=redis</c>; defaults to <c>Canteen:Redis:Configuration</c>.</summary>
    public string? RedisConfiguration { get; set; }

    public string RedisKeyPrefix { get; set; } = "canteen:rl:";

    public bool UsesRedis => string.Equals(Store, "redis", StringComparison.OrdinalIgnoreCase);
}
