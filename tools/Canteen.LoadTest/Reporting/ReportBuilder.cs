using Canteen.LoadTest.Options;
using Canteen.LoadTest.Running;

namespace Canteen.LoadTest.Reporting;

/// <summary>Assembles the report from the recorder's counts and histograms.</summary>
internal static class ReportBuilder
{
    public static RunReport Build(
        LoadOptions options, WorkloadSetup setup, RunRecorder recorder, TimeSpan measured, TimeSpan schedulerLag, VerificationReport verification)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(recorder);
        var seconds = Math.Max(measured.TotalSeconds, 1e-3);
        return new RunReport(
            Tool: "Canteen.LoadTest",
            Url: options.Url.ToString(),
            Scenario: ScenarioNames.Of(options.Scenario),
            Mode: ScenarioNames.Of(options.Mode),
            Connections: options.Connections,
            RatePerSecond: options.Mode == LoadMode.Open ? options.Rate : null,
            WarmupSeconds: options.WarmupSeconds,
            DurationSeconds: Math.Round(seconds, 3),
            Requests: recorder.Completed,
            Dropped: recorder.Dropped,
            Arrivals: options.Mode == LoadMode.Open ? recorder.Completed + recorder.Dropped : null,
            RequestsPerSecond: Math.Round(recorder.Completed / seconds, 1),
            OrdersPlacedPerSecond: Math.Round(recorder.Placed / seconds, 1),
            SchedulerLagMaxMs: Math.Round(schedulerLag.TotalMilliseconds, 3),
            Identity: setup.Identity,
            Menu: setup.MenuSource,
            Note: options.Note,
            Overall: LatencySummaries.Of("all", "all", recorder.All),
            Latency: LatencySummaries.All(recorder),
            StatusCodes: recorder.StatusCounts(),
            ProblemCodes: recorder.ProblemCodes(),
            Verification: verification);
    }
}
