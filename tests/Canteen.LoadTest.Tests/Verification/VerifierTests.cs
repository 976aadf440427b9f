using System.Net;
using Canteen.LoadTest.Reporting;
using Canteen.LoadTest.Running;
using Canteen.LoadTest.Tests.Support;
using Canteen.LoadTest.Verification;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Tests.Verification;

public sealed class VerifierTests
{
    private const string Staff = "Bearer staff";
    private const string ConsistentStock = """[{"dishId":"braised-pork","total":50,"available":47,"reserved":3,"sold":0}]""";
    private static readonly Dictionary<string, IReadOnlyList<StockLevel>?> StockBefore = new()
    {
        ["sh-jingan"] = [new StockLevel("braised-pork", 50, 50, 0, 0)],
    };

    [Fact]
    public async Task RunAsync_EveryOrderReadableAndStockConsistent_Passes()
    {
        var handler = Server(readable: ["1", "2", "3"], ConsistentStock, """{"ok":true,"checkedDishes":4}""");

        var report = await Verify(handler, Acks("1", "2", "3"));

        Assert.True(report.Passed, string.Join("; ", report.Messages));
        Assert.Equal((true, 3L, 3L, 0L, 1), (report.Performed, report.OrdersAcknowledged, report.OrdersChecked, report.OrdersMissing, report.StockLevelsChecked));
        Assert.Equal("""ok: {"ok":true,"checkedDishes":4}""", report.Invariant);
    }

    // A guest may read only its own orders: each order is read with the token that placed it; stock with staff's.
    [Fact]
    public async Task RunAsync_Reads_UseThePlacingGuestsTokenAndStaffForStock()
    {
        var handler = Server(readable: ["1"], """[{"dishId":"braised-pork","total":50,"available":49,"reserved":1,"sold":0}]""", "{}");

        await Verify(handler, Acks("1"));

        Assert.Contains((HttpMethod.Get, "/api/v1/orders/1", "Bearer guest-sh-jingan"), handler.Requests);
        Assert.Contains((HttpMethod.Get, "/api/v1/stores/sh-jingan/stock", Staff), handler.Requests);
        Assert.Contains((HttpMethod.Get, "/api/v1/admin/stock/invariant", Staff), handler.Requests);
    }

    [Fact]
    public async Task RunAsync_AcknowledgedOrderNotReadable_FailsNamingTheOrder()
    {
        var handler = Server(readable: ["1", "3"], ConsistentStock, "{}");

        var report = await Verify(handler, Acks("1", "2", "3"));

        Assert.False(report.Passed);
        Assert.Equal((3L, 1L), (report.OrdersChecked, report.OrdersMissing));
        Assert.Contains("order 2 (sh-jingan) acknowledged with 201 but GET answered 404", report.Messages);
    }

    [Fact]
    public async Task RunAsync_StockHoldsFewerPortionsThanAcknowledged_Fails()
    {
        var handler = Server(readable: ["1", "2", "3"], """[{"dishId":"braised-pork","total":50,"available":49,"reserved":1,"sold":0}]""", "{}");

        var report = await Verify(handler, Acks("1", "2", "3"));

        Assert.False(report.Passed);
        Assert.Equal(0, report.OrdersMissing);
        Assert.Contains("sh-jingan/braised-pork: portions taken during the run 1, acknowledged orders hold 3", report.Messages);
    }

    // A 201 must say where the order is; one that does not cannot be held to its promise, so it fails the check.
    [Fact]
    public async Task RunAsync_OrderAcknowledgedWithoutLocation_Fails()
    {
        var handler = Server(readable: ["1"], """[{"dishId":"braised-pork","total":50,"available":49,"reserved":1,"sold":0}]""", "{}");
        var acks = Acks("1");
        acks.AddPlaced(null, TestMenus.Holding("sh-jingan", ("braised-pork", 1)));

        var report = await Verify(handler, acks);

        Assert.False(report.Passed);
        Assert.Equal((2L, 1L, 0L), (report.OrdersAcknowledged, report.OrdersChecked, report.OrdersMissing));
        Assert.Contains(report.Messages, m => m.StartsWith("1 orders were acknowledged without a usable Location header", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"ok":false,"violations":[]}""")]
    [InlineData("""{"checkedDishes":3,"holds":false}""")]
    public async Task RunAsync_ServersOwnInvariantCheckFails_Fails(string invariant)
    {
        var report = await Verify(Server(readable: ["1", "2", "3"], ConsistentStock, invariant), Acks("1", "2", "3"));

        Assert.False(report.Passed);
        Assert.Equal("FAILED: " + invariant, report.Invariant);
    }

    // Verification must not overload the server it checks: a shed read is retried, and the order is then found.
    [Fact]
    public async Task RunAsync_ReadShedOnce_RetriedAndFound()
    {
        var shed = 1;
        var inner = Server(readable: ["1"], """[{"dishId":"braised-pork","total":50,"available":49,"reserved":1,"sold":0}]""", "{}");
        var handler = new StubHandler(request => request.RequestUri!.AbsolutePath == "/api/v1/orders/1" && Interlocked.Decrement(ref shed) >= 0
            ? StubHandler.Status(HttpStatusCode.ServiceUnavailable)
            : inner.Answer(request));

        var report = await Verify(handler, Acks("1"));

        Assert.True(report.Passed, string.Join("; ", report.Messages));
        Assert.Equal(2, handler.Requests.Count(r => r.Path == "/api/v1/orders/1"));
    }

    [Fact]
    public async Task RunAsync_VerifyMax_ReadsBackAnEvenSampleOnly()
    {
        var ids = Enumerable.Range(1, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var handler = Server(readable: ids, """[{"dishId":"braised-pork","total":50,"available":40,"reserved":10,"sold":0}]""", "{}");

        var report = await Verify(handler, Acks(ids), verifyMax: 3);

        Assert.True(report.Passed, string.Join("; ", report.Messages));
        Assert.Equal((10L, 3L), (report.OrdersAcknowledged, report.OrdersChecked));
        Assert.Equal(["/api/v1/orders/1", "/api/v1/orders/5", "/api/v1/orders/9"], handler.Requests.Select(r => r.Path).Where(p => p.StartsWith("/api/v1/orders/", StringComparison.Ordinal)).Order());
        Assert.Contains("read back an even sample of 3 of 10 acknowledged orders (--verify-max)", report.Messages);
    }

    // A server that answers cancels with 204 and releases their holds: the stock is accepted as released (it would fail
    // if those orders were counted as holding), and the answer the API does not define is named.
    [Fact]
    public async Task RunAsync_CancelsAnsweredWithoutTheDefined200_StockAcceptedAsReleasedAndDeviationNamed()
    {
        var handler = Server(readable: ["1", "2", "3"], """[{"dishId":"braised-pork","total":50,"available":49,"reserved":1,"sold":0}]""", "{}");
        var acks = Acks("1", "2", "3");
        foreach (var id in new[] { "2", "3" })
        {
            acks.AddUnknownCancel(id);
            acks.AddUndefinedSuccess(OperationKind.Cancel, 204);
        }

        acks.AddUnknown();
        acks.AddUndefinedSuccess(OperationKind.Order, 200);

        var report = await Verify(handler, acks);

        Assert.True(report.Passed, string.Join("; ", report.Messages));
        Assert.Contains("1 order placements answered 200, which the API does not define (a placed order is 201); counted as unknown", report.Messages);
        Assert.Contains("2 cancels answered 204, which the API does not define (a cancelled order is 200); counted as unknown", report.Messages);
    }

    private static Task<VerificationReport> Verify(StubHandler handler, AckLog acks, int verifyMax = 0) =>
        new Verifier(handler.Client(), Staff, 4).RunAsync(acks, StockBefore, ["sh-jingan"], verifyMax, TimeSpan.Zero, TestContext.Current.CancellationToken);

    /// <summary>Acknowledged orders of one braised pork each.</summary>
    private static AckLog Acks(params string[] ids)
    {
        var acks = new AckLog();
        foreach (var id in ids)
        {
            acks.AddPlaced("/api/v1/orders/" + id, TestMenus.Holding("sh-jingan", ("braised-pork", 1)));
        }

        return acks;
    }

    /// <summary>A server that can read back only <paramref name="readable"/> and reports the given stock and invariant.</summary>
    private static StubHandler Server(string[] readable, string stock, string invariant) => new(request => request.RequestUri!.AbsolutePath switch
    {
        "/api/v1/stores/sh-jingan/stock" => StubHandler.Json(HttpStatusCode.OK, stock),
        "/api/v1/admin/stock/invariant" => StubHandler.Json(HttpStatusCode.OK, invariant),
        var path when readable.Any(id => path == "/api/v1/orders/" + id) => StubHandler.Json(HttpStatusCode.OK, """{"status":"pending_payment"}"""),
        _ => StubHandler.Status(HttpStatusCode.NotFound),
    });
}
