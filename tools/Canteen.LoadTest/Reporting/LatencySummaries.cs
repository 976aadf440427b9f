using Canteen.LoadTest.Running;
using Canteen.LoadTest.Workload;
using HdrHistogram;

namespace Canteen.LoadTest.Reporting;

/// <summary>Turns the recorder's microsecond histograms into millisecond percentiles.</summary>
internal static class LatencySummaries
{
    public static LatencySummary Of(string operation, string outcome, HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.TotalCount == 0)
        {
            return new LatencySummary(operation, outcome, 0, 0, 0, 0, 0, 0, 0);
        }

        return new LatencySummary(
            operation,
            outcome,
            histogram.TotalCount,
            Ms(histogram.GetValueAtPercentile(50)),
            Ms(histogram.GetValueAtPercentile(90)),
            Ms(histogram.GetValueAtPercentile(99)),
            Ms(histogram.GetValueAtPercentile(99.9)),
            Ms(histogram.GetMaxValue()),
            Math.Round(histogram.GetMean() / 1000.0, 3));
    }

    /// <summary>One summary per operation and outcome that happened at all.</summary>
    public static IReadOnlyList<LatencySummary> All(RunRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        return (
            from kind in Enum.GetValues<OperationKind>()
            from outcome in Enum.GetValues<Outcome>()
            let histogram = recorder.Histogram(kind, outcome)
            where histogram.TotalCount > 0
            select Of(kind.ToString().ToLowerInvariant(), outcome.ToString().ToLowerInvariant(), histogram)).ToList();
    }

    private static double Ms(long micros) => Math.Round(micros / 1000.0, 3);
}
