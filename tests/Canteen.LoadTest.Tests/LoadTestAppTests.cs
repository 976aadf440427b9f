using System.Text.Json;
using Canteen.LoadTest.Tests.Support;

namespace Canteen.LoadTest.Tests;

/// <summary>The whole tool, from its command line, against the real Canteen server: the tool's claims must hold up.</summary>
public sealed class LoadTestAppTests
{
    [Fact]
    public async Task Main_ShortLunchRushAgainstCanteen_PlacesOrdersAndVerifiesThemAll()
    {
        await using var canteen = new CanteenServer();

        var (exitCode, report) = await LoadTool.RunAsync(
            "--url", canteen.Url.ToString(), "--scenario", "lunch-rush", "--mode", "closed", "--connections", "4",
            "--duration", "2", "--warmup", "0", "--requests", "300", "--seed", "42",
            "--admin-user", CanteenServer.AdminUser, "--admin-password", CanteenServer.AdminPassword);

        var verification = report.GetProperty("verification");
        Assert.True(exitCode == 0, $"exit code {exitCode}: {verification}");
        Assert.InRange(report.GetProperty("requests").GetInt64(), 1, 300);
        Assert.True(StatusCount(report, "201") > 0, report.GetProperty("statusCodes").ToString());
        Assert.StartsWith("from the server: 3 stores", report.GetProperty("menu").GetString(), StringComparison.Ordinal);
        Assert.Equal("guest tokens: 16 per store", report.GetProperty("identity").GetString());
        Assert.True(verification.GetProperty("performed").GetBoolean());
        Assert.True(verification.GetProperty("passed").GetBoolean());
        Assert.Equal(0, verification.GetProperty("ordersMissing").GetInt64());
        Assert.True(verification.GetProperty("ordersAcknowledged").GetInt64() >= StatusCount(report, "201"));
        Assert.Equal(verification.GetProperty("ordersAcknowledged").GetInt64(), verification.GetProperty("ordersChecked").GetInt64());

        // Signed in as admin, the tool could read the stock and the server's own invariant check, so both were judged.
        Assert.True(verification.GetProperty("stockLevelsChecked").GetInt32() > 0);
        Assert.StartsWith("ok: ", verification.GetProperty("invariant").GetString(), StringComparison.Ordinal);
    }

    // The README's promise for a flash sale: exactly as many orders accepted as there are portions, the rest sold out.
    [Fact]
    public async Task Main_FlashSaleOfTwentyDucks_ExactlyTwentyAcceptedAndVerified()
    {
        await using var canteen = new CanteenServer();

        var (exitCode, report) = await LoadTool.RunAsync(
            "--url", canteen.Url.ToString(), "--scenario", "flash-sale", "--store", "bj-sanlitun", "--dish", "peking-duck",
            "--connections", "4", "--duration", "20", "--warmup", "0", "--requests", "60",
            "--admin-user", CanteenServer.AdminUser, "--admin-password", CanteenServer.AdminPassword);

        var verification = report.GetProperty("verification");
        Assert.True(exitCode == 0, $"exit code {exitCode}: {verification}");
        Assert.Equal(60, report.GetProperty("requests").GetInt64());
        Assert.Equal((20, 40), (StatusCount(report, "201"), StatusCount(report, "409")));
        Assert.Equal(40, report.GetProperty("problemCodes").GetProperty("sold_out").GetInt64());
        Assert.Equal((20, 20, 0L), (
            verification.GetProperty("ordersAcknowledged").GetInt64(),
            verification.GetProperty("ordersChecked").GetInt64(),
            verification.GetProperty("ordersMissing").GetInt64()));
        Assert.Contains("bj-sanlitun/peking-duck: 20 portions held by acknowledged orders, 0 of 20 left: consistent",
            verification.GetProperty("messages").EnumerateArray().Select(m => m.GetString()));
    }

    // Open loop sends on a timetable: rate x duration requests fall due, and each is either answered or counted as
    // dropped, however slow the machine. Cancels confirmed by the server must release their holds in the stock check.
    [Fact]
    public async Task Main_OpenLoopMixedTraffic_EveryDueRequestAccountedForAndCancelsVerified()
    {
        await using var canteen = new CanteenServer();

        var (exitCode, report) = await LoadTool.RunAsync(
            "--url", canteen.Url.ToString(), "--scenario", "mixed", "--mode", "open", "--rate", "200", "--connections", "16",
            "--duration", "1.5", "--warmup", "0", "--seed", "7",
            "--admin-user", CanteenServer.AdminUser, "--admin-password", CanteenServer.AdminPassword);

        var verification = report.GetProperty("verification");
        Assert.True(exitCode == 0, $"exit code {exitCode}: {verification}");
        Assert.Equal(300, report.GetProperty("requests").GetInt64() + report.GetProperty("dropped").GetInt64());
        Assert.Equal(300, report.GetProperty("arrivals").GetInt64());
        Assert.Equal(200, report.GetProperty("ratePerSecond").GetDouble());
        var operations = report.GetProperty("latency").EnumerateArray()
            .Where(l => l.GetProperty("outcome").GetString() == "ok").Select(l => l.GetProperty("operation").GetString()).ToList();
        Assert.Equal(["order", "menu", "cancel"], operations);
        Assert.True(verification.GetProperty("passed").GetBoolean());
        Assert.True(verification.GetProperty("stockLevelsChecked").GetInt32() > 0);
    }

    private static long StatusCount(JsonElement report, string status) =>
        report.GetProperty("statusCodes").TryGetProperty(status, out var count) ? count.GetInt64() : 0;
}
