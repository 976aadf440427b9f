using System.Diagnostics;
using System.Text.Json;
using Canteen.LoadTest.Options;
using Canteen.LoadTest.Reporting;
using Canteen.LoadTest.Running;
using Canteen.LoadTest.Verification;

namespace Canteen.LoadTest;

/// <summary>
/// One run: prepare, warm up, measure, verify, report. Exit codes: 0 ok, 1 verification failed, 3 setup failed,
/// 4 the <c>--json</c> report could not be written (2, a bad command line, is Program's).
/// </summary>
internal static class LoadTestApp
{
    public const int VerificationFailed = 1;
    public const int SetupFailed = 3;
    public const int ReportNotWritten = 4;

    public static async Task<int> RunAsync(LoadOptions options)
    {
        using var client = LoadClient.Create(options.Url, options.Connections, options.RequestTimeout);
        using var abort = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        WorkloadSetup setup;
        IReadOnlyDictionary<string, IReadOnlyList<StockLevel>?> stockBefore;
        string? staff = options.StaffToken is null ? null : "Bearer " + options.StaffToken;
        try
        {
            if (staff is null && options.AdminUser is not null)
            {
                staff = "Bearer " + await Workload.AdminSignIn.TokenAsync(client, options.AdminUser, options.AdminPassword ?? "", abort.Token);
            }

            setup = await WorkloadSetup.PrepareAsync(client, options, abort.Token);
            stockBefore = options.Verify
                ? (await new StockReader(client, staff).ReadAllAsync(setup.Scenario.StoreIds, abort.Token)).Levels
                : new Dictionary<string, IReadOnlyList<StockLevel>?>();
        }
        // The stock read before the run holds the server to the same shape as the one after it, and uses the same
        // timeout: a server that fails that now could not be checked afterwards either.
        catch (Exception e)
        {
            // The server's failures say enough in their message; anything else (a menu without the fields the API
            // promises, say) is as likely the tool's mistake as the server's: its type says where to look. One line
            // either way, never a stack trace.
            var reason = e is HttpRequestException or InvalidOperationException or JsonException or TaskCanceledException
                or MalformedAnswerException or RequestTimedOutException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            await Console.Error.WriteLineAsync($"Setup failed against {options.Url}: {reason}");
            return SetupFailed;
        }

        Console.WriteLine($"Canteen.LoadTest: {ScenarioNames.Of(options.Scenario)}, {Describe(options)} -> {options.Url}");
        Console.WriteLine($"  bounds: {options.Requests:N0} {(options.Mode == LoadMode.Open ? "arrivals (sent or dropped)" : "requests")} or {options.DurationSeconds:N0} s after {options.WarmupSeconds:N0} s warmup; identity: {setup.Identity}");
        if (options.Note is not null)
        {
            Console.WriteLine($"  note: {options.Note}");
        }

        var recorder = new RunRecorder();
        var acks = new AckLog();
        var state = new RunState(TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.DurationSeconds), options.Requests);
        var sender = new RequestSender(client, recorder, setup.Scenario, acks);
        using var ctrlC = CtrlCHandler.Attach(state.Stop, options.Verify, Console.Error);
        using var progressStop = new CancellationTokenSource();
        state.Start();
        var progress = new ProgressReporter(state, recorder, sender).RunAsync(progressStop.Token);
        var lag = TimeSpan.Zero;
        if (options.Mode == LoadMode.Closed)
        {
            await ClosedLoopRunner.RunAsync(state, setup.Scenario, sender, options.Connections, options.Seed);
        }
        else
        {
            var runner = new OpenLoopRunner(state, setup.Scenario, sender, recorder);
            await runner.RunAsync(options.Rate, options.Connections, options.Seed);
            lag = runner.MaxSchedulerLag;
        }

        var measured = Stopwatch.GetElapsedTime(state.MeasureStartTimestamp, Math.Max(Stopwatch.GetTimestamp(), state.MeasureStartTimestamp));
        await progressStop.CancelAsync();
        await progress;

        var verification = options.Verify
            ? await VerifyAsync(client, staff, options, acks, stockBefore, setup, ctrlC)
            : new VerificationReport(false, true, acks.Acknowledged, 0, 0, 0, "not checked (--no-verify)", []);
        var report = ReportBuilder.Build(options, setup, recorder, measured, lag, verification);
        SummaryPrinter.Print(report);
        var written = options.JsonPath is null || await ReportWriter.TryWriteAsync(options.JsonPath, report);

        // A failed verification is the correctness signal scripts act on (bench/e2e.sh fails on 1): it wins.
        return !verification.Passed ? VerificationFailed : written ? 0 : ReportNotWritten;
    }

    /// <summary>
    /// The post-run check, with a time bound of its own (a soak's run and wait can outlast the set-up's). A server that
    /// dies, stalls or answers garbage while being checked fails the verification with the reason rather than ending the
    /// tool without a report; so does any other error of the check. Ctrl+C interrupts it the same way (see
    /// <see cref="CtrlCHandler"/>).
    /// </summary>
    private static async Task<VerificationReport> VerifyAsync(
        HttpClient client, string? staff, LoadOptions options, AckLog acks,
        IReadOnlyDictionary<string, IReadOnlyList<StockLevel>?> stockBefore, WorkloadSetup setup, CtrlCHandler ctrlC)
    {
        ctrlC.VerificationStarted();
        var interrupted = ctrlC.VerificationInterrupted;
        var expireWait = TimeSpan.FromSeconds(options.ExpireWaitSeconds);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(interrupted);
        bound.CancelAfter(expireWait + TimeSpan.FromMinutes(10));
        var verifier = new Verifier(client, staff, Math.Min(options.Connections, 32));
        try
        {
            // A second Ctrl+C during the load asked to skip it before it began.
            interrupted.ThrowIfCancellationRequested();
            return await verifier.RunAsync(acks, stockBefore, setup.Scenario.StoreIds, options.VerifyMax, expireWait, bound.Token);
        }
        catch (Exception e)
        {
            // The orders read back before it stopped were checked all the same: the report says how many, not 0.
            return new VerificationReport(true, false, acks.Acknowledged, verifier.ReadBack.Checked, verifier.ReadBack.Missing, 0, "-", [
                UnfinishedVerification.Reason(e, interrupted.IsCancellationRequested, options.Url)]);
        }
    }

    private static string Describe(LoadOptions o) => o.Mode == LoadMode.Closed
        ? $"closed loop, {o.Connections} connections"
        : $"open loop, {o.Rate:N0} req/s, at most {o.Connections} in flight";
}
