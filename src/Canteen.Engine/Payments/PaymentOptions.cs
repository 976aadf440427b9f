namespace Canteen.Engine.Payments;

/// <summary>Configuration section <c>Canteen:Payments</c>: the saga's schedule and the provider calls' resilience.</summary>
public sealed class PaymentOptions
{
    public const string Section = "Canteen:Payments";

    /// <summary>
    /// How long after creation the saga asks the provider about a payment nobody called back about (the active
    /// query). Providers usually call back within seconds; this catches the lost ones.
    /// </summary>
    public TimeSpan QueryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a payment still pending at the provider is asked about again (until its order's deadline).</summary>
    public TimeSpan QueryInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a payment that was never recorded as opened may be unknown to its provider before the saga calls it
    /// failed: the request that opens it may still be retrying (timeouts, back-off), and a payment failed too early
    /// could still be opened and paid. After a crash before the provider was called, this is how long the order waits.
    /// </summary>
    public TimeSpan CreationGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the saga looks for due steps (queries, closes, refunds) when nothing wakes it earlier.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most due payments one sweep handles; they run concurrently, sharing the writer's group commits.</summary>
    public int SweepBatchSize { get; set; } = 64;

    /// <summary>First back-off of a step that failed (query, close, refund, stock follow-up); doubles per attempt, with jitter.</summary>
    public TimeSpan StepRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off between two attempts of a failed step: compensations retry forever at this pace.</summary>
    public TimeSpan StepRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A step that needs more attempts than this is logged as a warning (the alert uses the same threshold).</summary>
    public int StepAttemptsBeforeWarning { get; set; } = 3;

    /// <summary>The resilience of every call to a provider.</summary>
    public ProviderResilienceOptions Resilience { get; set; } = new();

    /// <summary>Fault injection into provider calls (Polly chaos strategies); off unless configured. For tests and drills only.</summary>
    public ProviderChaosOptions Chaos { get; set; } = new();
}
