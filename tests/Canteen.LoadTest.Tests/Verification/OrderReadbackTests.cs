using System.Net;
using Canteen.LoadTest.Tests.Support;
using Canteen.LoadTest.Verification;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Tests.Verification;

public sealed class OrderReadbackTests
{
    [Fact]
    public async Task RunAsync_SomeOrdersMissing_TalliesEveryOrderReadBackAndTheMissing()
    {
        var handler = Server(id => id == "2" ? StubHandler.Status(HttpStatusCode.NotFound) : Order("""{"status":"pending_payment"}"""));
        var tally = new ReadbackTally();

        var samples = await ReadBack(handler, tally, "1", "2", "3");

        Assert.Equal((3L, 1L, 0L), (tally.Checked, tally.Missing, tally.NotExpired));
        Assert.Equal(["order 2 (sh-jingan) acknowledged with 201 but GET answered 404"], samples);
    }

    // The tally is kept as the orders are read, so a read-back that stops partway still says what it checked.
    [Fact]
    public async Task RunAsync_StopsPartway_TallyKeepsTheOrdersReadBackBeforeIt()
    {
        var handler = Server(id => id == "3" ? throw new HttpRequestException("Connection refused") : Order("""{"status":"pending_payment"}"""));
        var tally = new ReadbackTally();

        await Assert.ThrowsAsync<HttpRequestException>(() => ReadBack(handler, tally, "1", "2", "3", "4"));

        Assert.Equal((2L, 0L), (tally.Checked, tally.Missing));
    }

    // The API promises an order's status as a string: anything else is an answer the checks cannot use, and the reason
    // names the order. It used to be System.Text.Json's complaint about element types, or pass unnoticed (null, none).
    [Theory]
    [InlineData("""{"id":"1","status":42}""", "with a status that is not a string (42)")]
    [InlineData("""{"id":"1","status":null}""", "with a status that is not a string (null)")]
    [InlineData("""{"id":"1","status":{"code":"paid"}}""", """with a status that is not a string ({"code":"paid"})""")]
    [InlineData("""{"id":"1"}""", "without a status")]
    [InlineData("""["pending_payment"]""", """as ["pending_payment"], not an order""")]
    public async Task RunAsync_OrderWithoutAStringStatus_FailsNamingTheOrder(string body, string fault)
    {
        var handler = Server(_ => Order(body));

        var thrown = await Assert.ThrowsAsync<MalformedAnswerException>(() => ReadBack(handler, new ReadbackTally(), "1"));

        Assert.Equal("order 1 (sh-jingan) was read back " + fault, thrown.Message);
    }

    private static Task<List<string>> ReadBack(StubHandler handler, ReadbackTally tally, params string[] ids) => OrderReadback.RunAsync(
        handler.Client(),
        [.. ids.Select(id => new AckedOrder(id, TestMenus.Holding("sh-jingan", ("braised-pork", 1))))],
        "Bearer staff",
        1,
        false,
        tally,
        TestContext.Current.CancellationToken);

    /// <summary>Answers each order's read-back with <paramref name="answer"/> of its id.</summary>
    private static StubHandler Server(Func<string, HttpResponseMessage> answer) => new(request => answer(request.RequestUri!.AbsolutePath["/api/v1/orders/".Length..]));

    private static HttpResponseMessage Order(string body) => StubHandler.Json(HttpStatusCode.OK, body);
}
