using System.Text.RegularExpressions;
using Canteen.LoadTest.Tests.Support;

namespace Canteen.LoadTest.Tests;

/// <summary>Whole runs against a server whose read-backs never answer: the verification must say why it gave up.</summary>
public sealed class LoadTestAppStallingServerTests
{
    // HttpClient reports its per-request timeout as a cancellation, as it does the verification's 10-minute bound: one
    // read-back without an answer used to be reported as that bound running out. A 2 s timeout stands in for 30 s
    // (at 300 ms a busy CI machine once timed out a set-up request before the load began).
    [Fact]
    public async Task Main_ReadBackGetsNoAnswerWithinTheRequestTimeout_NamesTheRequestAndTheTimeout()
    {
        await using var server = await StallingServer.StartAsync();

        var (exitCode, report) = await LoadTool.RunAsync(
            o => o with { RequestTimeout = TimeSpan.FromSeconds(2) },
            "--url", server.Url.ToString(), "--guest-tokens", "0", "--connections", "2", "--duration", "30", "--warmup", "0", "--requests", "10");

        var verification = report.GetProperty("verification");
        Assert.Equal(1, exitCode);
        Assert.Equal(10, verification.GetProperty("ordersAcknowledged").GetInt64());
        Assert.Equal((true, false), (verification.GetProperty("performed").GetBoolean(), verification.GetProperty("passed").GetBoolean()));
        Assert.Matches(
            $"^verification could not finish against {Regex.Escape(server.Url.ToString())}: a request to /api/v1/orders/[0-9]+ got no answer within 2 s$",
            Assert.Single(verification.GetProperty("messages").EnumerateArray()).GetString());
    }

    // The read-backs answered before one timed out were checked: the report used to say 0 orders checked whenever the
    // verification could not finish. Two at a time, the first 6 answer, the 7th and 8th never do.
    [Fact]
    public async Task Main_ReadBacksStallPartway_ReportsTheOrdersCheckedBeforeTheVerificationStopped()
    {
        await using var server = await StallingServer.StartAsync(answered: 6);

        var (exitCode, report) = await LoadTool.RunAsync(
            o => o with { RequestTimeout = TimeSpan.FromSeconds(2) },
            "--url", server.Url.ToString(), "--guest-tokens", "0", "--connections", "2", "--duration", "30", "--warmup", "0", "--requests", "10");

        var verification = report.GetProperty("verification");
        Assert.Equal(1, exitCode);
        Assert.Equal((10L, 6L, 0L), (
            verification.GetProperty("ordersAcknowledged").GetInt64(),
            verification.GetProperty("ordersChecked").GetInt64(),
            verification.GetProperty("ordersMissing").GetInt64()));
        Assert.StartsWith("verification could not finish against ", Assert.Single(verification.GetProperty("messages").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }
}
