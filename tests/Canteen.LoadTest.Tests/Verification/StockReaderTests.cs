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
}
