using System.Net;
using Canteen.LoadTest.Tests.Support;
using Canteen.LoadTest.Verification;

namespace Canteen.LoadTest.Tests.Verification;

public sealed class InvariantProbeTests
{
    [Theory]
    [InlineData(HttpStatusCode.OK, """{"ok":true}""", "ok: {\"ok\":true}", false)]
    [InlineData(HttpStatusCode.OK, """{"ok":false}""", "FAILED: {\"ok\":false}", true)]
    [InlineData(HttpStatusCode.OK, """{"Consistent":false}""", "FAILED: {\"Consistent\":false}", true)]
    [InlineData(HttpStatusCode.OK, """{"checked":12,"passed":true}""", "ok: {\"checked\":12,\"passed\":true}", false)]
    [InlineData(HttpStatusCode.OK, "all good", "ok: all good", false)]
    [InlineData(HttpStatusCode.NotFound, "", "not offered by this server (404)", false)]
    [InlineData(HttpStatusCode.Forbidden, "", "not checked: 403, needs an admin token (--staff-token)", false)]
    [InlineData(HttpStatusCode.InternalServerError, "boom", "FAILED (500): boom", true)]
    public async Task RunAsync_Answer_GivesSummaryAndVerdict(HttpStatusCode status, string body, string summary, bool failed)
    {
        var handler = new StubHandler(_ => StubHandler.Json(status, body));

        var result = await InvariantProbe.RunAsync(handler.Client(), "Bearer admin", TestContext.Current.CancellationToken);

        Assert.Equal((summary, failed), result);
        Assert.Equal((HttpMethod.Get, "/api/v1/admin/stock/invariant", "Bearer admin"), Assert.Single(handler.Requests));
    }

    [Fact]
    public async Task RunAsync_LongBody_IsShortenedInTheSummary()
    {
        var body = "{\"ok\":false,\"detail\":\"" + new string('x', 500) + "\"}";
        var handler = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, body));

        var (summary, failed) = await InvariantProbe.RunAsync(handler.Client(), null, TestContext.Current.CancellationToken);

        Assert.True(failed);
        Assert.Equal("FAILED: " + body[..300] + "...", summary);
    }
}
