namespace Canteen.Engine.Payments;

/// <summary>Exponential back-off with jitter for saga steps: base × 2^(failures−1), capped, ±20 % so retries spread out.</summary>
internal static class Backoff
{
    public static TimeSpan Of(int failures, PaymentOptions options)
    {
        var exponent = Math.Clamp(failures - 1, 0, 20);
        var delay = Math.Min(options.StepRetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent), options.StepRetryMaxDelay.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter, not security: a predictable spread is harmless.
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(Math.Max(1, delay * jitter));
    }
}
