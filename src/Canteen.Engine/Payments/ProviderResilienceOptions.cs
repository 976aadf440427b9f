namespace Canteen.Engine.Payments;

/// <summary>Timeout, retry and circuit breaker around each provider call (section <c>Canteen:Payments:Resilience</c>).</summary>
public sealed class ProviderResilienceOptions
{
    /// <summary>One attempt's limit: a provider slower than this counts as failed and may be retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries after the first attempt, for transient failures only (every call is idempotent at the provider).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Base delay of the exponential back-off between retries (with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The circuit opens when at least this share of calls fail within <see cref="SamplingDuration"/>...</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>...and at least this many calls were made in it.</summary>
    public int MinimumThroughput { get; set; } = 10;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls at once before letting one through to probe.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
