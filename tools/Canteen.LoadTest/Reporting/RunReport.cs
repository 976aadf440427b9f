namespace Canteen.LoadTest.Reporting;

/// <summary>
/// Everything a run measured, as written to the <c>--json</c> file (the table shows the same numbers).
/// <see cref="Requests"/> are the measured requests sent; <see cref="Dropped"/> the open loop's measured arrivals
/// not sent because the in-flight cap was reached; <see cref="Arrivals"/> their sum in open loop, which is what
/// <c>--requests</c> bounds there (null in closed loop, which has no timetable).
/// </summary>
internal sealed record RunReport(
    string Tool,
    string Url,
    string Scenario,
    string Mode,
    int Connections,
    double? RatePerSecond,
    double WarmupSeconds,
    double DurationSeconds,
    long Requests,
    long Dropped,
    long? Arrivals,
    double RequestsPerSecond,
    double OrdersPlacedPerSecond,
    double SchedulerLagMaxMs,
    string Identity,
    string Menu,
    string? Note,
    LatencySummary Overall,
    IReadOnlyList<LatencySummary> Latency,
    IReadOnlyDictionary<string, long> StatusCodes,
    IReadOnlyDictionary<string, long> ProblemCodes,
    VerificationReport Verification);

/// <summary>Latency percentiles of one operation and outcome, in milliseconds.</summary>
internal sealed record LatencySummary(
    string Operation,
    string Outcome,
    long Count,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double P999Ms,
    double MaxMs,
    double MeanMs);

/// <summary>What the post-run check found; <see cref="Passed"/> decides the exit code.</summary>
internal sealed record VerificationReport(
    bool Performed,
    bool Passed,
    long OrdersAcknowledged,
    long OrdersChecked,
    long OrdersMissing,
    int StockLevelsChecked,
    string Invariant,
    IReadOnlyList<string> Messages);
