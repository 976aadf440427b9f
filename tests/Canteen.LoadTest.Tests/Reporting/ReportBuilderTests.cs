using System.Text.Json;
using Canteen.LoadTest.Options;
using Canteen.LoadTest.Reporting;
using Canteen.LoadTest.Running;
using Canteen.LoadTest.Tests.Support;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Tests.Reporting;

public sealed class ReportBuilderTests
{
    private static readonly VerificationReport Verified = new(true, true, 2, 2, 0, 3, "ok: {}", ["consistent"]);

    [Fact]
    public void Build_RecordedRun_RatesAreCountsOverTheMeasuredTime()
    {
        var report = ReportBuilder.Build(new LoadOptions(), Setup(), Recorded(), TimeSpan.FromSeconds(2), TimeSpan.Zero, Verified);

        Assert.Equal((5L, 2.5, 1.0), (report.Requests, report.RequestsPerSecond, report.OrdersPlacedPerSecond));
        Assert.Equal(("lunch-rush", "closed", (double?)null), (report.Scenario, report.Mode, report.RatePerSecond));
        Assert.Equal(5, report.Overall.Count);
        Assert.Equal(1, report.Dropped);
    }

    [Fact]
    public void Build_OpenLoop_ReportsItsRateAndLag()
    {
        var options = new LoadOptions { Mode = LoadMode.Open, Rate = 1500, Scenario = ScenarioKind.FlashSale };

        var report = ReportBuilder.Build(options, Setup(), Recorded(), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1.25), Verified);

        Assert.Equal(("flash-sale", "open", (double?)1500, 1.25), (report.Scenario, report.Mode, report.RatePerSecond, report.SchedulerLagMaxMs));
    }

    // --requests bounds arrivals in open loop, so the report says how many there were: the sent and the dropped.
    [Fact]
    public void Build_OpenLoop_ArrivalsAreSentPlusDropped()
    {
        var options = new LoadOptions { Mode = LoadMode.Open, Rate = 100 };

        var report = ReportBuilder.Build(options, Setup(), Recorded(), TimeSpan.FromSeconds(1), TimeSpan.Zero, Verified);

        Assert.Equal((5L, 1L, (long?)6), (report.Requests, report.Dropped, report.Arrivals));
    }

    [Fact]
    public void Build_ClosedLoop_HasNoArrivals()
    {
        var report = ReportBuilder.Build(new LoadOptions(), Setup(), Recorded(), TimeSpan.FromSeconds(1), TimeSpan.Zero, Verified);

        Assert.Null(report.Arrivals);
    }

    // bench/e2e.sh reads these names with jq, and the README documents them: renaming one silently breaks the results table.
    [Fact]
    public void Serialize_Report_UsesTheDocumentedCamelCaseFieldNames()
    {
        var report = ReportBuilder.Build(new LoadOptions { Note = "n" }, Setup(), Recorded(), TimeSpan.FromSeconds(2), TimeSpan.Zero, Verified);

        using var json = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(report, ReportJsonContext.Default.RunReport));
        var root = json.RootElement;

        Assert.Equal(
            ["tool", "url", "scenario", "mode", "connections", "ratePerSecond", "warmupSeconds", "durationSeconds", "requests", "dropped",
                "arrivals", "requestsPerSecond", "ordersPlacedPerSecond", "schedulerLagMaxMs", "identity", "menu", "note", "overall", "latency",
                "statusCodes", "problemCodes", "verification"],
            root.EnumerateObject().Select(p => p.Name));
        var order = root.GetProperty("latency").EnumerateArray().Single(l => l.GetProperty("operation").GetString() == "order" && l.GetProperty("outcome").GetString() == "ok");
        Assert.Equal(
            ["operation", "outcome", "count", "p50Ms", "p90Ms", "p99Ms", "p999Ms", "maxMs", "meanMs"],
            order.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, order.GetProperty("count").GetInt64());
        Assert.Equal(2, root.GetProperty("statusCodes").GetProperty("201").GetInt64());
        Assert.Equal(1, root.GetProperty("statusCodes").GetProperty("no-response").GetInt64());
        Assert.Equal(2, root.GetProperty("problemCodes").GetProperty("sold_out").GetInt64());
        Assert.Equal(
            ["performed", "passed", "ordersAcknowledged", "ordersChecked", "ordersMissing", "stockLevelsChecked", "invariant", "messages"],
            root.GetProperty("verification").EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("verification").GetProperty("passed").GetBoolean());
    }

    private static WorkloadSetup Setup() => new(
        new Scenario(ScenarioKind.LunchRush, [[TestMenus.Holding("sh-jingan")]]), "built-in demo sample", "anonymous (--guest-tokens 0)");

    private static RunRecorder Recorded()
    {
        var recorder = new RunRecorder();
        recorder.RecordAnswer(OperationKind.Order, 201);
        recorder.RecordAnswer(OperationKind.Order, 201);
        recorder.RecordAnswer(OperationKind.Order, 409, "sold_out");
        recorder.RecordAnswer(OperationKind.Order, 409, "sold_out");
        recorder.RecordAnswer(OperationKind.Order, 0, "client_timeout");
        recorder.RecordDropped(measured: true);
        return recorder;
    }
}
