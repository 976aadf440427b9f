using System.Diagnostics.Metrics;

namespace Canteen.Engine.Telemetry;

/// <summary>
/// Canteen's instruments. Names and units follow the OpenTelemetry conventions (dot-separated, UCUM units, counts
/// in curly braces) and are a public contract: dashboards and alerts in <c>deploy/observability</c> use them, in the
/// Prometheus form the exporter renders (<c>canteen.orders.placed</c> → <c>canteen_orders_placed_total</c>,
/// <c>canteen.order.place.duration</c> in s → <c>canteen_order_place_duration_seconds</c>). Tags stay
/// low-cardinality on purpose: no order ids, no store ids (spans carry those).
/// </summary>
public static class CanteenMetrics
{
    // Seconds. The OpenTelemetry default buckets are meant for milliseconds and would put every order in the first.
    private static readonly IReadOnlyList<double> LatencyBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private static readonly IReadOnlyList<double> LagBuckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    private static readonly IReadOnlyList<int> BatchBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

    private static readonly Counter<long> Placed = CanteenTelemetry.Meter.CreateCounter<long>(
        "canteen.orders.placed", "{order}", "Orders accepted and durably stored.");

    private static readonly Counter<long> Failed = CanteenTelemetry.Meter.CreateCounter<long>(
        "canteen.orders.failed", "{order}", "Orders not placed, by reason: the API problem code.");

    private static readonly Histogram<double> PlaceDuration = CanteenTelemetry.Meter.CreateHistogram(
        "canteen.order.place.duration", "s", "Time to place an order, from validation to durable commit, by outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });

    private static readonly Counter<long> Holds = CanteenTelemetry.Meter.CreateCounter<long>(
        "canteen.stock.holds", "{hold}", "Stock hold moves, by outcome (taken, sold_out, confirmed, released, expired).");

    private static readonly Histogram<int> BatchSize = CanteenTelemetry.Meter.CreateHistogram(
        "canteen.writer.batch.size", "{write}", "Writes committed together in one transaction by the order writer.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchBuckets });

    private static readonly Histogram<double> CommitDuration = CanteenTelemetry.Meter.CreateHistogram(
        "canteen.writer.commit.duration", "s", "Time to commit one batch of the order writer (including its fsync).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });

    // An up-down counter, not an observable gauge over one writer: the meter is static, so it must not hold on to an
    // instance; +1 on enqueue and -n on dequeue give the depth of every writer in the process, exactly, at any scrape.
    private static readonly UpDownCounter<int> QueueDepth = CanteenTelemetry.Meter.CreateUpDownCounter<int>(
        "canteen.writer.queue.depth", "{write}", "Writes waiting for the order writer.");

    private static readonly Gauge<double> OutboxLag = CanteenTelemetry.Meter.CreateGauge<double>(
        "canteen.outbox.lag", "s", "Age of the oldest unpublished outbox event at the relay's last poll (0 when empty).");

    private static readonly Histogram<double> OutboxDelay = CanteenTelemetry.Meter.CreateHistogram(
        "canteen.outbox.publish.delay", "s", "Time from an event's occurrence to its publication by the relay.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBuckets });

    public static void OrderPlaced(TimeSpan elapsed)
    {
        Placed.Add(1);
        PlaceDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", "placed"));
    }

    /// <param name="reason">The problem code (<c>sold_out</c>, <c>validation_failed</c>, <c>overloaded</c>, …).</param>
    /// <param name="refused">True when the use case answered with a refusal, false when it threw.</param>
    /// <param name="elapsed">Time spent before the order failed.</param>
    public static void OrderFailed(string reason, bool refused, TimeSpan elapsed)
    {
        Failed.Add(1, new KeyValuePair<string, object?>("reason", reason));
        PlaceDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", refused ? "refused" : "failed"));
    }

    /// <param name="outcome">One of <see cref="HoldOutcomes"/>.</param>
    public static void Hold(string outcome) => Holds.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void WriteQueued(int count) => QueueDepth.Add(count);

    public static void WritesDequeued(int count) => QueueDepth.Add(-count);

    public static void BatchCommitted(int size, TimeSpan elapsed)
    {
        BatchSize.Record(size);
        CommitDuration.Record(elapsed.TotalSeconds);
    }

    /// <summary>For the outbox relay: one event published <paramref name="delay"/> after it occurred.</summary>
    public static void OutboxPublished(TimeSpan delay) => OutboxDelay.Record(Math.Max(0, delay.TotalSeconds));

    /// <summary>For the outbox relay, at every poll: how old the oldest unpublished event is (zero when none).</summary>
    public static void OutboxBacklog(TimeSpan oldestAge) => OutboxLag.Record(Math.Max(0, oldestAge.TotalSeconds));
}
