using System.Net;
using System.Text;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Api;

/// <summary>
/// Bodies arrive with a Content-Length (read into an array of that size) or chunked, without one (read into a growing
/// buffer that stops at the limit); both must behave the same.
/// </summary>
public sealed class RequestBodyTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task PlaceOrder_ChunkedBody_IsReadAndPlaced()
    {
        using var response = await SendChunkedAsync(ApiClient.OrderBody("xiaolongbao", 2));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await response.JsonAsync();
        Assert.Equal(2, (int)order["items"]![0]!["quantity"]!);
    }

    [Fact]
    public async Task PlaceOrder_ChunkedBodyOverTheLimit_Returns413AndChangesNothing()
    {
        var before = await DatabaseState.CaptureAsync(shared.App);

        using var response = await SendChunkedAsync("{\"type\":\"takeaway\",\"note\":\"" + new string('x', 70_000) + "\"}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", (await response.JsonAsync()).Code());
        Assert.Equal(before, await DatabaseState.CaptureAsync(shared.App));
    }

    [Fact]
    public async Task PlaceOrder_ChunkedMalformedBody_Returns400()
    {
        using var response = await SendChunkedAsync("{\"type\":\"takeaway\",\"items\":[");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", (await response.JsonAsync()).Code());
    }

    private async Task<HttpResponseMessage> SendChunkedAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/stores/{ApiClient.Store}/orders")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
        return await shared.App.Client().SendAsync(request);
    }
}
