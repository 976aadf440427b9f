using System.Net;
using Canteen.LoadTest.Tests.Support;
using Canteen.LoadTest.Verification;

namespace Canteen.LoadTest.Tests.Verification;

public sealed class StockReaderTests
{
    [Fact]
    public async Task ReadAsync_StockList_ReadsEveryLevel()
    {
        var handler = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """
            [{"dishId":"braised-pork","total":50,"available":40,"reserved":7,"sold":3,"extra":1},
             {"dishId":"peking-duck","total":20,"available":20,"reserved":0,"sold":0}]
            """));

        var (levels, problem) = await new StockReader(handler.Client(), "Bearer staff").ReadAsync("sh-jingan", TestContext.Current.CancellationToken);

        Assert.Null(problem);
        Assert.Equal([new StockLevel("braised-pork", 50, 40, 7, 3), new StockLevel("peking-duck", 20, 20, 0, 0)], levels);
        Assert.Equal((HttpMethod.Get, "/api/v1/stores/sh-jingan/stock", "Bearer staff"), Assert.Single(handler.Requests));
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "stock of sh-jingan not served (404): stock checks skipped")]
    [InlineData(HttpStatusCode.Unauthorized, "stock of sh-jingan needs a staff token (--staff-token): stock checks skipped")]
    [InlineData(HttpStatusCode.Forbidden, "stock of sh-jingan needs a staff token (--staff-token): stock checks skipped")]
    [InlineData(HttpStatusCode.InternalServerError, "GET stock of sh-jingan answered 500")]
    public async Task ReadAllAsync_Unreadable_NullLevelsAndTheReason(HttpStatusCode status, string problem)
    {
        var handler = new StubHandler(_ => StubHandler.Status(status));

        var (levels, problems) = await new StockReader(handler.Client(), null).ReadAllAsync(["sh-jingan"], TestContext.Current.CancellationToken);

        Assert.Equal(new Dictionary<string, IReadOnlyList<StockLevel>?> { ["sh-jingan"] = null }, levels);
        Assert.Equal([problem], problems);
    }

    [Fact]
    public async Task ReadAsync_EmptyList_NoLevels()
    {
        var handler = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, "[]"));

        var (levels, problem) = await new StockReader(handler.Client(), null).ReadAsync("sh-jingan", TestContext.Current.CancellationToken);

        Assert.Equal((0, null), (levels?.Count, problem));
    }

    // The checks key levels by dish and add them up; a listing they cannot use is refused naming the store and the fault.
    [Theory]
    [InlineData(
        """[{"dishId":"braised-pork","total":50,"available":50,"reserved":0,"sold":0},{"dishId":"braised-pork","total":50,"available":49,"reserved":1,"sold":0}]""",
        "lists dish braised-pork twice")]
    [InlineData("""[{"total":50,"available":50,"reserved":0,"sold":0}]""", "lists a dish without a dishId")]
    [InlineData("""[{"dishId":null,"total":50,"available":50,"reserved":0,"sold":0}]""", "lists a dish with a null dishId")]
    [InlineData("""[{"dishId":"","total":50,"available":50,"reserved":0,"sold":0}]""", "lists a dish with an empty dishId")]
    [InlineData("""[{"dishId":7,"total":50,"available":50,"reserved":0,"sold":0}]""", "lists a dish whose dishId is not a string (7)")]
    [InlineData("""[{"dishId":"braised-pork","available":50,"reserved":0,"sold":0}]""", "lists dish braised-pork without total")]
    [InlineData("""[{"dishId":"braised-pork","total":50,"available":50,"reserved":0,"sold":null}]""", "lists dish braised-pork whose sold is not a whole number (null)")]
    [InlineData("""[{"dishId":"braised-pork","total":50,"available":48.5,"reserved":1.5,"sold":0}]""", "lists dish braised-pork whose available is not a whole number (48.5)")]
    [InlineData("""[{"dishId":"braised-pork","total":"50","available":50,"reserved":0,"sold":0}]""", "lists dish braised-pork whose total is not a whole number (\"50\")")]
    [InlineData("""[{"dishId":"braised-pork","total":50,"available":50,"reserved":0,"sold":3000000000}]""", "lists dish braised-pork whose sold is not a whole number (3000000000)")]
    [InlineData("""[{"dishId":"braised-pork","total":50,"available":52,"reserved":0,"sold":-2}]""", "lists dish braised-pork whose sold is negative (-2)")]
    [InlineData("""{"levels":[]}""", "is not a list of levels but {\"levels\":[]}")]
    [InlineData("""["braised-pork"]""", "lists \"braised-pork\" where a dish's level belongs")]
    [InlineData("""[null]""", "lists null where a dish's level belongs")]
    public async Task ReadAsync_MalformedListing_ThrowsNamingTheStoreAndTheFault(string listing, string fault)
    {
        var handler = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, listing));

        var thrown = await Assert.ThrowsAsync<MalformedAnswerException>(
            () => new StockReader(handler.Client(), null).ReadAllAsync(["sh-jingan"], TestContext.Current.CancellationToken));

        Assert.Equal("stock of sh-jingan " + fault, thrown.Message);
    }

    [Fact]
    public async Task ReadAsync_NotJson_ThrowsNamingTheStore()
    {
        var handler = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, "<html>upstream error</html>"));

        var thrown = await Assert.ThrowsAsync<MalformedAnswerException>(
            () => new StockReader(handler.Client(), null).ReadAsync("sh-jingan", TestContext.Current.CancellationToken));

        Assert.StartsWith("stock of sh-jingan is not JSON ('<' is an invalid start of a value.", thrown.Message, StringComparison.Ordinal);
    }

    // A long answer is cut short in the message: enough to recognise it, not a page of it.
    [Fact]
    public async Task ReadAsync_LongOffendingValue_ShownCutShort()
    {
        var handler = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, $$"""{"error":"{{new string('x', 100)}}"}"""));

        var thrown = await Assert.ThrowsAsync<MalformedAnswerException>(
            () => new StockReader(handler.Client(), null).ReadAsync("sh-jingan", TestContext.Current.CancellationToken));

        Assert.Equal("stock of sh-jingan is not a list of levels but {\"error\":\"" + new string('x', 30) + "...", thrown.Message);
    }
}
