using Canteen.LoadTest.Reporting;
using Canteen.LoadTest.Running;
using Canteen.LoadTest.Tests.Support;
using Canteen.LoadTest.Workload;
using HdrHistogram;

namespace Canteen.LoadTest.Tests.Reporting;

public sealed class LatencySummariesTests
{
    // Three significant digits: a reported value may differ from the recorded one by 0.1%, plus the rounding to 1 µs.
    private const double Precision = 0.001;

    [Fact]
    public void Of_OneToThousandMilliseconds_PercentilesAreTheMatchingRanks()
    {
        var histogram = new LongHistogram(1, 120_000_000, 3);
        for (var ms = 1; ms <= 1000; ms++)
        {
            histogram.RecordValue(ms * 1000L);
        }

        var summary = LatencySummaries.Of("order", "ok", histogram);

        Assert.Equal(("order", "ok", 1000L), (summary.Operation, summary.Outcome, summary.Count));
        AssertNear(500, summary.P50Ms);
        AssertNear(900, summary.P90Ms);
        AssertNear(990, summary.P99Ms);
        AssertNear(999, summary.P999Ms);
        AssertNear(1000, summary.MaxMs);
        AssertNear(500.5, summary.MeanMs);
    }

    // The tail is what the report is for: one slow answer among many fast ones must show at p99.9 and max only.
    [Fact]
    public void Of_OneSlowOutlier_ShowsInTheTailOnly()
    {
        var histogram = new LongHistogram(1, 120_000_000, 3);
        histogram.RecordValueWithCount(2_000, 9_989);
        histogram.RecordValueWithCount(250_000, 11);

        var summary = LatencySummaries.Of("order", "ok", histogram);

        AssertNear(2, summary.P50Ms);
        AssertNear(2, summary.P99Ms);
        AssertNear(250, summary.P999Ms);
        AssertNear(250, summary.MaxMs);
    }

    [Fact]
    public void Of_Empty_AllZero()
    {
        Assert.Equal(new LatencySummary("menu", "shed", 0, 0, 0, 0, 0, 0, 0), LatencySummaries.Of("menu", "shed", new LongHistogram(1, 1000, 3)));
    }

    [Fact]
    public void All_Recorder_OneSummaryPerOperationAndOutcomeThatHappened()
    {
        var recorder = new RunRecorder();
        recorder.RecordAnswer(OperationKind.Order, 201, micros: 4_000);
        recorder.RecordAnswer(OperationKind.Order, 201, micros: 6_000);
        recorder.RecordAnswer(OperationKind.Order, 409, "sold_out", micros: 700);
        recorder.RecordAnswer(OperationKind.Menu, 200, micros: 1_500);

        var summaries = LatencySummaries.All(recorder);

        Assert.Equal([("order", "ok", 2L), ("order", "refused", 1L), ("menu", "ok", 1L)], summaries.Select(s => (s.Operation, s.Outcome, s.Count)));
        AssertNear(6, summaries[0].MaxMs);
        AssertNear(0.7, summaries[1].P50Ms);
        AssertNear(1.5, summaries[2].P99Ms);
    }

    private static void AssertNear(double expected, double actual) =>
        Assert.InRange(actual, (expected * (1 - Precision)) - 0.001, (expected * (1 + Precision)) + 0.001);
}
