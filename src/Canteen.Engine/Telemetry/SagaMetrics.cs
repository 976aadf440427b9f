using System.Diagnostics.Metrics;

namespace Canteen.Engine.Telemetry;

/// <summary>
/// Instruments for the payment saga and the payment provider client (DESIGN §7). They are defined now so the names,
/// the dashboard and the alert rules are settled before the payments module records into them.
/// </summary>
public static class SagaMetrics
{
    private static readonly IReadOnlyList<double> StepBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private static readonly IReadOnlyList<int> AttemptBuckets = [1, 2, 3, 4, 5, 10];

    private static readonly Histogram<double> StepDuration = CanteenTelemetry.Meter.CreateHistogram(
        "canteen.saga.step.duration", "s", "Duration of one saga step, all attempts included, by saga, step and outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StepBuckets });

    // Attempts per finished step, not a retry counter: "a step needed more than 3 attempts" is then a bucket query.
    private static readonly Histogram<int> StepAttempts = CanteenTelemetry.Meter.CreateHistogram(
        "canteen.saga.step.attempts", "{attempt}", "Attempts one saga step needed (1 = no retry).",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = AttemptBuckets });

    private static readonly Counter<long> ProviderCalls = CanteenTelemetry.Meter.CreateCounter<long>(
        "canteen.payment.provider.calls", "{call}", "Calls to a payment provider, by provider and outcome.");

    private static readonly Gauge<int> Circuit = CanteenTelemetry.Meter.CreateGauge<int>(
        "canteen.payment.circuit.state", "{state}", "Circuit breaker per provider: 0 closed, 1 half-open, 2 open.");

    /// <param name="saga">The saga, e.g. <c>payment</c>.</param>
    /// <param name="step">The step, e.g. <c>capture</c>.</param>
    /// <param name="outcome"><c>succeeded</c>, <c>failed</c> or <c>compensated</c>.</param>
    /// <param name="attempts">How many attempts the step took.</param>
    /// <param name="elapsed">Wall time of the step, retries included.</param>
    public static void StepFinished(string saga, string step, string outcome, int attempts, TimeSpan elapsed)
    {
        var sagaTag = new KeyValuePair<string, object?>("saga", saga);
        var stepTag = new KeyValuePair<string, object?>("step", step);
        StepDuration.Record(elapsed.TotalSeconds, sagaTag, stepTag, new KeyValuePair<string, object?>("outcome", outcome));
        StepAttempts.Record(attempts, sagaTag, stepTag);
    }

    /// <param name="provider">The provider, e.g. <c>wechat</c>.</param>
    /// <param name="outcome"><c>succeeded</c>, <c>declined</c>, <c>error</c>, <c>timeout</c> or <c>rejected</c> (circuit open).</param>
    public static void ProviderCall(string provider, string outcome) =>
        ProviderCalls.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("outcome", outcome));

    /// <param name="provider">The provider whose breaker changed.</param>
    /// <param name="state">0 closed, 1 half-open, 2 open.</param>
    public static void CircuitChanged(string provider, int state) =>
        Circuit.Record(state, new KeyValuePair<string, object?>("provider", provider));
}
