namespace Canteen.Engine.Payments;

/// <summary>
/// Checks <see cref="PaymentOptions"/> at start-up against what Polly accepts, so a bad setting stops the server with
/// a message instead of failing the first payment.
/// </summary>
public static class PaymentOptionsRules
{
    public const string Message =
        "Canteen:Payments is invalid: Resilience:BreakDuration and SamplingDuration must be at least 0.5 s, AttemptTimeout " +
        "at least 10 ms, FailureRatio and every Chaos rate from 0 to 1, MaxRetries and MinimumThroughput not negative, " +
        "and QueryDelay, QueryInterval, SweepInterval, StepRetryBaseDelay and StepRetryMaxDelay positive.";

    public static bool IsValid(PaymentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var r = options.Resilience;
        var c = options.Chaos;
        return r.BreakDuration >= TimeSpan.FromMilliseconds(500)
            && r.SamplingDuration >= TimeSpan.FromMilliseconds(500)
            && r.AttemptTimeout >= TimeSpan.FromMilliseconds(10)
            && r.FailureRatio is > 0 and <= 1
            && r.MaxRetries >= 0
            && r.MinimumThroughput >= 0
            && c.FaultRate is >= 0 and <= 1
            && c.LatencyRate is >= 0 and <= 1
            && c.Latency >= TimeSpan.Zero
            && options.QueryDelay > TimeSpan.Zero
            && options.QueryInterval > TimeSpan.Zero
            && options.CreationGrace >= TimeSpan.Zero
            && options.SweepInterval > TimeSpan.Zero
            && options.SweepBatchSize > 0
            && options.StepRetryBaseDelay > TimeSpan.Zero
            && options.StepRetryMaxDelay >= options.StepRetryBaseDelay;
    }
}
