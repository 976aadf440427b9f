using System.Net;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Api;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task PlaceOrder_SameKeySameBody_ReplaysFirstResponseAndCreatesOneOrder()
    {
        await using var app = new CanteenApp();
        var client = app.Client();
        var body = ApiClient.OrderBody(ApiClient.BraisedPork, 3, "\"size-regular\"");

        using var first = await client.PlaceOrderAsync(body, "key-1");
        using var second = await client.PlaceOrderAsync(body, "key-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        var orders = await client.GetJsonAsync($"/api/v1/stores/{ApiClient.Store}/orders");
        Assert.Single(orders["items"]!.AsArray());
        Assert.Equal(3, (int)(await client.StockOfAsync(ApiClient.BraisedPork))["reserved"]!);
    }

    [Fact]
    public async Task PlaceOrder_SameKeyDifferentBody_Returns422AndChangesNothing()
    {
        await using var app = new CanteenApp();
        var client = app.Client();
        (await client.PlaceOrderAsync(ApiClient.OrderBody("xiaolongbao"), "key-2")).Dispose();
        var before = await DatabaseState.CaptureAsync(app);

        using var reused = await client.PlaceOrderAsync(ApiClient.OrderBody("xiaolongbao", 2), "key-2");
        using var otherStore = await client.PlaceOrderAsync(ApiClient.OrderBody("xiaolongbao"), "key-2", store: "bj-sanlitun");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("idempotency_key_reused", (await reused.JsonAsync()).Code());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherStore.StatusCode);
        Assert.Equal(before, await DatabaseState.CaptureAsync(app));
    }

    [Fact]
    public async Task PlaceOrder_SameKeyConcurrently_OneOrderAndEveryOtherAnswerIsReplayOrInProgress()
    {
        await using var app = new CanteenApp();
        var client = app.Client();
        var body = ApiClient.OrderBody(ApiClient.BraisedPork, 1, "\"size-regular\"");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PlaceOrderAsync(body, "same-key")));
        var texts = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));

        var created = responses.Select((r, i) => (r, texts[i])).Where(x => x.r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(created);
        Assert.Single(created.Select(c => c.Item2).Distinct());
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Contains("request_in_progress", texts[Array.IndexOf(responses, r)], StringComparison.Ordinal);
        });
        var orders = await client.GetJsonAsync($"/api/v1/stores/{ApiClient.Store}/orders");
        Assert.Single(orders["items"]!.AsArray());
        Assert.Equal(1, (int)(await client.StockOfAsync(ApiClient.BraisedPork))["reserved"]!);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task PlaceOrder_MissingOrInvalidKey_Returns400AndChangesNothing()
    {
        await using var app = new CanteenApp();
        var client = app.Client();
        var before = await DatabaseState.CaptureAsync(app);

        using var missing = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/stores/{ApiClient.Store}/orders")
        {
            Content = new StringContent(ApiClient.OrderBody("xiaolongbao"), System.Text.Encoding.UTF8, "application/json"),
        };
        using var missingResponse = await client.SendAsync(missing);
        using var tooLong = await client.PlaceOrderAsync(ApiClient.OrderBody("xiaolongbao"), new string('k', 256));

        Assert.Equal(HttpStatusCode.BadRequest, missingResponse.StatusCode);
        Assert.Equal("idempotency_key_missing", (await missingResponse.JsonAsync()).Code());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("validation_failed", (await tooLong.JsonAsync()).Code());
        Assert.Equal(before, await DatabaseState.CaptureAsync(app));
    }
}
