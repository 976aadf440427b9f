namespace Canteen.Engine.Idempotency;

/// <summary>Configuration section <c>Canteen:Idempotency</c>: how long stored responses are kept for replay.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Canteen:Idempotency";

    /// <summary>
    /// How long an idempotency record (the stored response a retry gets again) is kept; the API promises at least 24
    /// hours, and the default leaves a day more for clients that retry late. Zero keeps records for ever.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often the pruner looks for records older than <see cref="Retention"/>.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The most records one pruning commit deletes. Guests' orders share that commit: 1,000 records (with their stored
    /// responses) cost about 8–10 ms of SQLite time on the reference machine, 5,000 about 50.
    /// </summary>
    public int PruneBatchSize { get; set; } = 1000;
}
