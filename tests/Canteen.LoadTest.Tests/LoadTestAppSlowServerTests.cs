using Canteen.LoadTest.Tests.Support;

namespace Canteen.LoadTest.Tests;

/// <summary>The open loop against a server slower than its timetable: the client, not the server, is then the limit.</summary>
public sealed class LoadTestAppSlowServerTests
{
    // --requests bounds arrivals (sent or dropped), not requests sent: with one request in flight at a time and 300 ms
    // per answer, 30 sent requests would take 9 s; 30 arrivals at 100/s take 0.3 s, nearly all of them dropped.
    [Fact]
    public async Task Main_OpenLoopWithCapOfOneAgainstSlowServer_EndsAfterNArrivalsAndReportsTheDropped()
    {
        await using var server = await SlowServer.StartAsync(TimeSpan.FromMilliseconds(300));

        var (exitCode, report) = await LoadTool.RunAsync(
            "--url", server.Url.ToString(), "--mode", "open", "--rate", "100", "--connections", "1", "--requests", "30",
            "--duration", "30", "--warmup", "0", "--guest-tokens", "0", "--no-verify");

        var (arrivals, sent, dropped) = (report.GetProperty("arrivals").GetInt64(), report.GetProperty("requests").GetInt64(), report.GetProperty("dropped").GetInt64());
        Assert.Equal(0, exitCode);
        Assert.Equal(30, arrivals);
        Assert.Equal(arrivals, sent + dropped);
        Assert.InRange(sent, 1, 5);
        Assert.Equal(sent, report.GetProperty("statusCodes").GetProperty("201").GetInt64());
        Assert.InRange(report.GetProperty("durationSeconds").GetDouble(), 0, 5);
    }
}
