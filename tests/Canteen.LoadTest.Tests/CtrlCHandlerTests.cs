namespace Canteen.LoadTest.Tests;

/// <summary>
/// What each Ctrl+C does, without sending the process a signal: the first stops the load and the tool still verifies
/// and reports; the next, or the first during the verification, interrupts the verification (which can last 10 minutes
/// plus --expire-wait) and the report still follows; only then is one let through to end the process.
/// </summary>
public sealed class CtrlCHandlerTests
{
    [Fact]
    public void Press_DuringTheLoad_StopsTheLoadKeepsTheVerificationAndSaysHowToSkipIt()
    {
        var (handler, stops, output) = Create(verify: true);

        var keepRunning = handler.Press();

        Assert.True(keepRunning);
        Assert.Equal(1, stops());
        Assert.False(handler.VerificationInterrupted.IsCancellationRequested);
        Assert.Contains("stopping; press Ctrl+C again to skip verification", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Press_SecondDuringTheLoad_SkipsTheVerificationButKeepsTheReport()
    {
        var (handler, stops, output) = Create(verify: true);
        handler.Press();

        var keepRunning = handler.Press();

        Assert.True(keepRunning);
        Assert.Equal(1, stops());
        Assert.True(handler.VerificationInterrupted.IsCancellationRequested);
        Assert.Contains("skipping verification; the report follows", output.ToString(), StringComparison.Ordinal);
    }

    // The load is over by then: the first Ctrl+C must not be spent on it while the verification goes on regardless.
    [Fact]
    public void Press_FirstDuringTheVerification_InterruptsIt()
    {
        var (handler, stops, output) = Create(verify: true);
        handler.VerificationStarted();

        var keepRunning = handler.Press();

        Assert.True(keepRunning);
        Assert.Equal(0, stops());
        Assert.True(handler.VerificationInterrupted.IsCancellationRequested);
        Assert.Contains("interrupting verification; the report follows", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Press_SecondDuringTheVerification_AfterTheLoadWasStopped_InterruptsIt()
    {
        var (handler, _, _) = Create(verify: true);
        handler.Press();
        handler.VerificationStarted();

        Assert.True(handler.Press());
        Assert.True(handler.VerificationInterrupted.IsCancellationRequested);
    }

    // Nothing is left to shorten: this one ends the process, as Ctrl+C normally does.
    [Theory]
    [InlineData(true, 3)]
    [InlineData(false, 2)]
    public void Press_OnceNothingIsLeftToInterrupt_IsLetThrough(bool verify, int presses)
    {
        var (handler, _, _) = Create(verify);

        var answers = Enumerable.Range(0, presses).Select(_ => handler.Press()).ToList();

        Assert.Equal([.. Enumerable.Repeat(true, presses - 1), false], answers);
    }

    [Fact]
    public void Press_WithoutVerification_SaysTheNextOneQuits()
    {
        var (handler, stops, output) = Create(verify: false);

        Assert.True(handler.Press());
        Assert.Equal(1, stops());
        Assert.Contains("stopping; press Ctrl+C again to quit at once, without a report", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("verification", output.ToString(), StringComparison.Ordinal);
    }

    private static (CtrlCHandler Handler, Func<int> Stops, StringWriter Output) Create(bool verify)
    {
        var stops = 0;
        var output = new StringWriter();
        return (new CtrlCHandler(() => stops++, verify, output), () => stops, output);
    }
}
