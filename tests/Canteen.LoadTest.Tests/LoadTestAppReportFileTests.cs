using Canteen.LoadTest.Tests.Support;

namespace Canteen.LoadTest.Tests;

/// <summary>
/// The --json report is written when the run is over and its table printed: a report that cannot be written then (a
/// full disk, a missing permission) is said on one line and in the exit code, not in a stack trace.
/// </summary>
public sealed class LoadTestAppReportFileTests
{
    // /dev/full passes the check made before the run (its directory exists) and fails every write as a full disk does.
    // A failed verification still exits 1: that is what scripts such as bench/e2e.sh fail on.
    [Theory]
    [InlineData(false, 4)]
    [InlineData(true, 1)]
    public async Task Main_ReportCannotBeWritten_SaysWhyOnOneLineAndExitsNonZero(bool verify, int expected)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs Linux's /dev/full");
        await using var server = await LyingServer.ForgettingOrdersAsync();

        var exitCode = await LoadTool.ExitCodeAsync(
            "--url", server.Url.ToString(), "--guest-tokens", "0", "--connections", "2", "--duration", "30", "--warmup", "0", "--requests", "10",
            "--no-verify=" + (verify ? "false" : "true"), "--json", "/dev/full");

        Assert.Equal(expected, exitCode);
        Assert.Contains("could not write the report to /dev/full: ", TestContext.Current.TestOutputHelper!.Output, StringComparison.Ordinal);
    }
}
