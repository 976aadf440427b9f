using System.Text.RegularExpressions;
using Canteen.LoadTest.Tests.Support;

namespace Canteen.LoadTest.Tests;

/// <summary>
/// The tool exists to catch servers that acknowledge what they did not do; against one that lies, it must say FAILED
/// and exit 1, however good its throughput looked. The runs end at their request bound; the long duration only keeps a
/// slow machine from ending them early.
/// </summary>
public sealed class LoadTestAppLyingServerTests
{
    [Fact]
    public async Task Main_ServerForgetsAcknowledgedOrders_VerificationFailsWithExitCodeOne()
    {
        await using var server = await LyingServer.ForgettingOrdersAsync();

        var (exitCode, report) = await LoadTool.RunAsync(
            "--url", server.Url.ToString(), "--guest-tokens", "0", "--connections", "2", "--duration", "30", "--warmup", "0", "--requests", "40");

        var verification = report.GetProperty("verification");
        Assert.Equal(1, exitCode);
        Assert.Equal(40, report.GetProperty("statusCodes").GetProperty("201").GetInt64());
        Assert.StartsWith("built-in demo sample", report.GetProperty("menu").GetString(), StringComparison.Ordinal);
        Assert.Equal("anonymous (--guest-tokens 0)", report.GetProperty("identity").GetString());
        Assert.False(verification.GetProperty("passed").GetBoolean());
        Assert.Equal((40, 40, 40L), (
            verification.GetProperty("ordersAcknowledged").GetInt64(),
            verification.GetProperty("ordersChecked").GetInt64(),
            verification.GetProperty("ordersMissing").GetInt64()));
        Assert.Contains(verification.GetProperty("messages").EnumerateArray(),
            m => m.GetString()!.EndsWith("acknowledged with 201 but GET answered 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Main_ServerAcknowledgesOrdersWithoutHoldingStock_VerificationFailsOnTheStock()
    {
        await using var server = await LyingServer.NeverHoldingStockAsync();

        var (exitCode, report) = await LoadTool.RunAsync(
            "--url", server.Url.ToString(), "--scenario", "flash-sale", "--guest-tokens", "0", "--connections", "2",
            "--duration", "30", "--warmup", "0", "--requests", "30");

        var verification = report.GetProperty("verification");
        Assert.Equal(1, exitCode);
        Assert.False(verification.GetProperty("passed").GetBoolean());
        Assert.Equal(0, verification.GetProperty("ordersMissing").GetInt64());
        Assert.Contains("sh-jingan/braised-pork: portions taken during the run 0, acknowledged orders hold 30",
            verification.GetProperty("messages").EnumerateArray().Select(m => m.GetString()));
    }

    // Acknowledged is acknowledged, checked or not; verification fails the 201s nobody can read back, --no-verify does not.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Main_ServerAcknowledgesWithoutLocation_EveryAcknowledgementCounted(bool verify)
    {
        await using var server = await LyingServer.HidingLocationsAsync();

        var (exitCode, report) = await LoadTool.RunAsync(
            "--url", server.Url.ToString(), "--guest-tokens", "0", "--connections", "2", "--duration", "30", "--warmup", "0", "--requests", "20",
            "--no-verify=" + (verify ? "false" : "true"));

        var verification = report.GetProperty("verification");
        Assert.Equal(20, report.GetProperty("statusCodes").GetProperty("201").GetInt64());
        Assert.Equal((verify, verify ? 1 : 0), (verification.GetProperty("performed").GetBoolean(), exitCode));
        Assert.Equal((20, 0L), (verification.GetProperty("ordersAcknowledged").GetInt64(), verification.GetProperty("ordersChecked").GetInt64()));
        if (verify)
        {
            Assert.Contains(verification.GetProperty("messages").EnumerateArray(),
                m => m.GetString()!.StartsWith("20 orders were acknowledged without a usable Location header", StringComparison.Ordinal));
        }
    }

    // A server that breaks while being checked must still get a report and exit 1, not crash the tool without one.
    [Fact]
    public async Task Main_ServerAnswersGarbageDuringVerification_ReportWrittenAndExitCodeOne()
    {
        await using var server = await LyingServer.GarblingStockAfterOrdersAsync();

        var (exitCode, report) = await LoadTool.RunAsync(
            "--url", server.Url.ToString(), "--guest-tokens", "0", "--connections", "2", "--duration", "30", "--warmup", "0", "--requests", "20");

        var verification = report.GetProperty("verification");
        Assert.Equal(1, exitCode);
        Assert.Equal(20, report.GetProperty("statusCodes").GetProperty("201").GetInt64());
        Assert.True(verification.GetProperty("performed").GetBoolean());
        Assert.False(verification.GetProperty("passed").GetBoolean());
        Assert.Contains(verification.GetProperty("messages").EnumerateArray(),
            m => m.GetString()!.StartsWith("verification could not finish against ", StringComparison.Ordinal));
    }

    // A stock listing the checks cannot use fails the verification, saying where and what was wrong, with the report
    // written: it used to throw from deep inside the check (a null key, a missing property) and end the tool without one.
    [Theory]
    [InlineData(
        """[{"dishId":"braised-pork","total":50,"available":50,"reserved":0,"sold":0},{"dishId":"braised-pork","total":50,"available":50,"reserved":0,"sold":0}]""",
        "lists dish braised-pork twice")]
    [InlineData("""[{"dishId":null,"total":50,"available":50,"reserved":0,"sold":0}]""", "lists a dish with a null dishId")]
    [InlineData("""[{"dishId":"","total":50,"available":50,"reserved":0,"sold":0}]""", "lists a dish with an empty dishId")]
    [InlineData("""[{"dishId":"braised-pork","total":50,"available":50,"sold":0}]""", "lists dish braised-pork without reserved")]
    [InlineData("""[{"dishId":"braised-pork","total":50,"available":51,"reserved":-1,"sold":0}]""", "lists dish braised-pork whose reserved is negative (-1)")]
    public async Task Main_ServerListsMalformedStockAfterTheRun_VerificationFailsNamingStoreAndFault(string listing, string fault)
    {
        await using var server = await LyingServer.MisreportingStockAfterOrdersAsync(listing);

        var (exitCode, report) = await LoadTool.RunAsync(
            "--url", server.Url.ToString(), "--scenario", "flash-sale", "--guest-tokens", "0", "--connections", "2",
            "--duration", "30", "--warmup", "0", "--requests", "20");

        var verification = report.GetProperty("verification");
        Assert.Equal(1, exitCode);
        Assert.Equal(20, report.GetProperty("statusCodes").GetProperty("201").GetInt64());
        Assert.Equal((true, false), (verification.GetProperty("performed").GetBoolean(), verification.GetProperty("passed").GetBoolean()));
        // Every order was read back before the stock was: checked, though the verification could not finish.
        Assert.Equal(20, verification.GetProperty("ordersChecked").GetInt64());
        Assert.Equal([$"verification could not finish against {server.Url}: stock of sh-jingan {fault}"],
            verification.GetProperty("messages").EnumerateArray().Select(m => m.GetString()));
    }

    // An order read back with a status that is not a string fails the verification naming the order, as a malformed
    // stock listing names the store: it used to fail with System.Text.Json's complaint about element types.
    [Fact]
    public async Task Main_ServerReadsOrdersBackWithAStatusThatIsNotAString_VerificationFailsNamingTheOrder()
    {
        await using var server = await LyingServer.MisreportingOrdersAsync("""{"id":"1","status":3}""");

        var (exitCode, report) = await LoadTool.RunAsync(
            "--url", server.Url.ToString(), "--guest-tokens", "0", "--connections", "2", "--duration", "30", "--warmup", "0", "--requests", "10");

        var verification = report.GetProperty("verification");
        Assert.Equal(1, exitCode);
        Assert.Equal((true, false), (verification.GetProperty("performed").GetBoolean(), verification.GetProperty("passed").GetBoolean()));
        Assert.Matches(
            $"^verification could not finish against {Regex.Escape(server.Url.ToString())}: order [0-9]+ \\([a-z-]+\\) was read back with a status that is not a string \\(3\\)$",
            Assert.Single(verification.GetProperty("messages").EnumerateArray()).GetString());
    }

    // Read before the run, such a listing leaves nothing to compare the run with, as a listing that is not JSON at all
    // does: the set-up fails (exit code 3) before any load. A dish listed twice used to pass here and then throw over the
    // duplicate once the verification compared the two listings, ending the tool without a report.
    [Theory]
    [InlineData(
        """[{"dishId":"braised-pork","total":50,"available":50,"reserved":0,"sold":0},{"dishId":"braised-pork","total":50,"available":50,"reserved":0,"sold":0}]""")]
    [InlineData("""[{"dishId":"braised-pork","total":50,"available":50,"sold":0}]""")]
    public async Task Main_ServerListsMalformedStockBeforeTheRun_SetupFailsWithExitCodeThree(string listing)
    {
        await using var server = await LyingServer.MisreportingStockAsync(listing);

        var exitCode = await LoadTool.ExitCodeAsync(
            "--url", server.Url.ToString(), "--scenario", "flash-sale", "--guest-tokens", "0", "--connections", "2",
            "--duration", "30", "--warmup", "0", "--requests", "20");

        Assert.Equal(3, exitCode);
    }
}
