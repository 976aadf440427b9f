using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Canteen.Server.Tests.Support;

/// <summary>The payment half of API.md as test helpers: open a payment, act as the sandbox's guest, read state.</summary>
public static class PaymentClient
{
    public static async Task<HttpResponseMessage> CreatePaymentAsync(this HttpClient client, string orderId, string provider = "sandbox", string? key = null, string? method = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{orderId}/payments")
        {
            Content = new StringContent(
                method is null ? $$"""{"provider":"{{provider}}"}""" : $$"""{"provider":"{{provider}}","method":"{{method}}"}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    /// <summary>Places an order for <paramref name="quantity"/> braised pork and opens a sandbox payment; returns both ids.</summary>
    public static async Task<(string OrderId, string PaymentId)> OrderAndPaymentAsync(this HttpClient client, int quantity = 2)
    {
        using var placed = await client.PlaceOrderAsync(ApiClient.OrderBody(ApiClient.BraisedPork, quantity, "\"size-regular\""));
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var orderId = (string)(await placed.JsonAsync())["id"]!;
        using var payment = await client.CreatePaymentAsync(orderId);
        Assert.Equal(HttpStatusCode.Created, payment.StatusCode);
        return (orderId, (string)(await payment.JsonAsync())["id"]!);
    }

    public static async Task<JsonObject> SandboxAsync(this HttpClient client, string paymentId, string action)
    {
        using var response = await client.PostAsync($"/api/v1/sandbox/payments/{paymentId}/{action}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static async Task<string> OrderStatusAsync(this HttpClient client, string orderId) =>
        (string)(await client.GetJsonAsync($"/api/v1/orders/{orderId}"))["status"]!;

    public static async Task<string> PaymentStatusAsync(this HttpClient client, string paymentId) =>
        (string)(await client.GetJsonAsync($"/api/v1/payments/{paymentId}"))["status"]!;
}
