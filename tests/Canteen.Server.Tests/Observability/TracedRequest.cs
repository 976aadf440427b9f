using System.Diagnostics;
using System.Text;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Observability;

/// <summary>
/// Requests sent inside a sampled span of a chosen trace, as from an instrumented client: the server continues that
/// trace, so a test finds its own spans and logs by trace id among those of tests running beside it.
/// </summary>
internal static class TracedRequest
{
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string path, ActivityTraceId traceId, string? body = null)
    {
        // The caller's span, as an instrumented client would have: HttpClient sends it on as the traceparent header
        // (it would replace a hand-written one with a trace of its own when no span is current).
        using var caller = new Activity("TestClient")
            .SetParentId(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded)
            .Start();
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PlaceOrderAsync(HttpClient client, ActivityTraceId traceId, string body) =>
        SendAsync(client, HttpMethod.Post, $"/api/v1/stores/{ApiClient.Store}/orders", traceId, body);

    /// <summary>Two portions of braised pork: a limited dish, so the order takes a stock hold.</summary>
    public static string PorkOrder(int quantity = 2) => ApiClient.OrderBody(ApiClient.BraisedPork, quantity, "\"size-regular\"");
}
