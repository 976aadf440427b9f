using Canteen.LoadTest.Reporting;

namespace Canteen.LoadTest.Tests.Reporting;

public sealed class SummaryPrinterTests
{
    // In open loop --requests bounds arrivals, so the table leads with them; the dropped say the client was the limit.
    [Fact]
    public void RequestsRow_OpenLoopWithDrops_ShowsArrivalsSentAndDropped()
    {
        var row = SummaryPrinter.RequestsRow(Report(requests: 1_200, dropped: 34, arrivals: 1_234));

        Assert.Equal(("arrivals / sent / dropped", "1,234 / 1,200 / 34 (dropped: client saturated at its in-flight cap)"), row);
    }

    [Fact]
    public void RequestsRow_OpenLoopWithoutDrops_StillShowsArrivals()
    {
        Assert.Equal(("arrivals / sent / dropped", "300 / 300 / 0"), SummaryPrinter.RequestsRow(Report(requests: 300, dropped: 0, arrivals: 300)));
    }

    [Fact]
    public void RequestsRow_ClosedLoop_ShowsRequests()
    {
        Assert.Equal(("requests", "5,000"), SummaryPrinter.RequestsRow(Report(requests: 5_000, dropped: 0, arrivals: null)));
    }

    private static RunReport Report(long requests, long dropped, long? arrivals)
    {
        var none = new LatencySummary("all", "all", 0, 0, 0, 0, 0, 0, 0);
        return new RunReport(
            "Canteen.LoadTest", "http://127.0.0.1:5080/", "lunch-rush", arrivals is null ? "closed" : "open", 8, arrivals is null ? null : 100, 0, 1,
            requests, dropped, arrivals, requests, 0, 0, "anonymous", "built-in", null, none, [], new Dictionary<string, long>(),
            new Dictionary<string, long>(), new VerificationReport(false, true, 0, 0, 0, 0, "-", []));
    }
}
