namespace Canteen.Engine.Payments;

/// <summary>
/// Faults injected into provider calls by Polly's chaos strategies (section <c>Canteen:Payments:Chaos</c>), inside the
/// resilience pipeline so they exercise the same timeouts, retries and breaker as real failures. All zero: off.
/// </summary>
public sealed class ProviderChaosOptions
{
    /// <summary>Share of calls (0–1) that fail with a transient provider error.</summary>
    public double FaultRate { get; set; }

    /// <summary>Share of calls (0–1) delayed by <see cref="Latency"/>.</summary>
    public double LatencyRate { get; set; }

    public TimeSpan Latency { get; set; } = TimeSpan.FromSeconds(2);

    public bool Enabled => FaultRate > 0 || LatencyRate > 0;
}
