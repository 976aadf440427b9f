using System.Globalization;
using Spectre.Console;

namespace Canteen.LoadTest.Reporting;

/// <summary>The end-of-run tables: the run, its latency percentiles, and its answers by status and problem code.</summary>
internal static class SummaryPrinter
{
    public static void Print(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns when it cannot ask a terminal, which would wrap the latency table.
            AnsiConsole.Profile.Width = 160;
        }

        var run = new Table().Border(TableBorder.Rounded).AddColumns("run", "value");
        run.AddRow("scenario / mode", $"{report.Scenario} / {report.Mode}");
        run.AddRow("url", Markup.Escape(report.Url));
        run.AddRow(report.Mode == "open" ? "rate / in-flight cap" : "connections", report.Mode == "open"
            ? Invariant($"{report.RatePerSecond:N0}/s / {report.Connections}") : Invariant($"{report.Connections}"));
        run.AddRow("measured (warmup)", Invariant($"{report.DurationSeconds:F2} s ({report.WarmupSeconds:F1} s)"));
        var (label, requests) = RequestsRow(report);
        run.AddRow(label, requests);
        run.AddRow("throughput", Invariant($"{report.RequestsPerSecond:N0} req/s, {report.OrdersPlacedPerSecond:N0} orders placed/s"));
        if (report.Mode == "open")
        {
            run.AddRow("scheduler lag (max)", Invariant($"{report.SchedulerLagMaxMs:F1} ms"));
        }

        run.AddRow("identity", Markup.Escape(report.Identity));
        run.AddRow("menu", Markup.Escape(report.Menu));
        if (report.Note is not null)
        {
            run.AddRow("note", Markup.Escape(report.Note));
        }

        run.AddRow("status codes", Markup.Escape(Join(report.StatusCodes)));
        run.AddRow("problem codes", Markup.Escape(report.ProblemCodes.Count == 0 ? "-" : Join(report.ProblemCodes)));
        AnsiConsole.Write(run);

        var latency = new Table().Border(TableBorder.Rounded)
            .AddColumns("operation", "outcome", "count", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "mean ms");
        foreach (var row in report.Latency.Prepend(report.Overall))
        {
            latency.AddRow(row.Operation, row.Outcome, Invariant($"{row.Count:N0}"), Invariant($"{row.P50Ms:F2}"), Invariant($"{row.P90Ms:F2}"),
                Invariant($"{row.P99Ms:F2}"), Invariant($"{row.P999Ms:F2}"), Invariant($"{row.MaxMs:F2}"), Invariant($"{row.MeanMs:F2}"));
        }

        AnsiConsole.Write(latency);
        PrintVerification(report.Verification);
    }

    /// <summary>
    /// Open loop shows arrivals first: that is what <c>--requests</c> bounds there, and sent alone would hide the load
    /// the client could not deliver.
    /// </summary>
    internal static (string Label, string Value) RequestsRow(RunReport report) => report.Arrivals is { } arrivals
        ? ("arrivals / sent / dropped", Invariant($"{arrivals:N0} / {report.Requests:N0} / {report.Dropped:N0}") +
            (report.Dropped > 0 ? " (dropped: client saturated at its in-flight cap)" : string.Empty))
        : ("requests", Invariant($"{report.Requests:N0}"));

    private static void PrintVerification(VerificationReport v)
    {
        if (!v.Performed)
        {
            AnsiConsole.MarkupLine("verification: [yellow]not performed[/] (--no-verify)");
            return;
        }

        AnsiConsole.MarkupLine(Invariant(
            $"verification: {(v.Passed ? "[green]PASSED[/]" : "[red]FAILED[/]")} ({v.OrdersChecked:N0} of {v.OrdersAcknowledged:N0} acknowledged orders read back, {v.OrdersMissing:N0} missing; {v.StockLevelsChecked} stock levels checked; invariant endpoint: {Markup.Escape(v.Invariant)})"));
        foreach (var message in v.Messages)
        {
            AnsiConsole.MarkupLine("  - " + Markup.Escape(message));
        }
    }

    private static string Join(IReadOnlyDictionary<string, long> counts) =>
        string.Join(", ", counts.Select(c => Invariant($"{c.Key}: {c.Value:N0}")));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
