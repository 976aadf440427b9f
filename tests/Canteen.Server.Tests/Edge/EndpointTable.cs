using System.Text;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Edge;

/// <summary>
/// Who may call what: the single table the matrix test checks, in <see cref="Role"/> order (anonymous, guest A,
/// guest B, staff, kitchen, admin). Order ids in it belong to guest A, so guest B's 404 is object-level authorization;
/// start, ready and complete answer 409 to the roles allowed to call them because an unpaid order cannot move there.
/// </summary>
public static class EndpointTable
{
    private const string Store = ApiClient.Store;
    private const string Order = """{"type":"takeaway","items":[{"dishId":"steamed-rice","quantity":1}]}""";

    public static IReadOnlyList<EndpointRule> Rules { get; } =
    [
        Rule("GET", "/api/v1/stores", _ => Get("/api/v1/stores"), 200, 200, 200, 200, 200, 200),
        Rule("GET", "/api/v1/stores/{storeId}/menu", _ => Get($"/api/v1/stores/{Store}/menu"), 200, 200, 200, 200, 200, 200),
        Rule("GET", "/api/v1/stores/{storeId}/stock", _ => Get($"/api/v1/stores/{Store}/stock"), 401, 403, 403, 200, 200, 200),
        Rule("PUT", "/api/v1/stores/{storeId}/stock/{dishId}", _ => Send("PUT", $"/api/v1/stores/{Store}/stock/peking-duck", """{"total":500}"""), 401, 403, 403, 200, 403, 200),
        Rule("POST", "/api/v1/stores/{storeId}/orders", _ => Place(), 401, 201, 201, 201, 403, 201),
        Rule("GET", "/api/v1/stores/{storeId}/orders", _ => Get($"/api/v1/stores/{Store}/orders"), 401, 403, 403, 200, 200, 200),
        Rule("GET", "/api/v1/orders/{orderId}", async f => GetRequest("/api/v1/orders/" + await OrderOfGuestAAsync(f)), 401, 200, 404, 200, 200, 200),
        Rule("POST", "/api/v1/orders/{orderId}/cancel", async f => SendRequest("POST", $"/api/v1/orders/{await OrderOfGuestAAsync(f)}/cancel"), 401, 200, 404, 200, 403, 200),
        Rule("POST", "/api/v1/orders/{orderId}/start", async f => SendRequest("POST", $"/api/v1/orders/{await OrderOfGuestAAsync(f)}/start"), 401, 403, 403, 409, 409, 409),
        Rule("POST", "/api/v1/orders/{orderId}/ready", async f => SendRequest("POST", $"/api/v1/orders/{await OrderOfGuestAAsync(f)}/ready"), 401, 403, 403, 409, 409, 409),
        Rule("POST", "/api/v1/orders/{orderId}/complete", async f => SendRequest("POST", $"/api/v1/orders/{await OrderOfGuestAAsync(f)}/complete"), 401, 403, 403, 409, 409, 409),
        Rule("POST", "/api/v1/orders/{orderId}/payments", async f => Pay(await OrderOfGuestAAsync(f)), 401, 201, 404, 201, 403, 201),
        Rule("GET", "/api/v1/orders/{orderId}/payments", async f => GetRequest($"/api/v1/orders/{await OrderOfGuestAAsync(f)}/payments"), 401, 200, 404, 200, 200, 200),
        Rule("POST", "/api/v1/orders/{orderId}/refund", async f => SendRequest("POST", $"/api/v1/orders/{await OrderOfGuestAAsync(f)}/refund"), 401, 403, 403, 409, 403, 409),
        Rule("GET", "/api/v1/payments/{paymentId}", async f => GetRequest("/api/v1/payments/" + (await PaymentOfGuestAAsync(f)).Id), 401, 200, 404, 200, 200, 200),
        Rule("POST", "/api/v1/payments/callbacks/{provider}", _ => Send("POST", "/api/v1/payments/callbacks/sandbox", """{"paymentId":"1","status":"paid","amount":1,"currency":"CNY"}"""), 400, 400, 400, 400, 400, 400),
        Rule("POST", "/api/v1/sandbox/payments/{paymentId}/succeed", async f => SendRequest("POST", $"/api/v1/sandbox/payments/{(await PaymentOfGuestAAsync(f)).Id}/succeed"), 401, 200, 404, 200, 403, 200),
        Rule("POST", "/api/v1/sandbox/payments/{paymentId}/fail", async f => SendRequest("POST", $"/api/v1/sandbox/payments/{(await PaymentOfGuestAAsync(f)).Id}/fail"), 401, 200, 404, 200, 403, 200),
        Rule("GET", "/api/v1/admin/sandbox/faults", _ => Get("/api/v1/admin/sandbox/faults"), 401, 403, 403, 403, 403, 200),
        Rule("PUT", "/api/v1/admin/sandbox/faults", _ => Send("PUT", "/api/v1/admin/sandbox/faults", "{}"), 401, 403, 403, 403, 403, 200),
        Rule("GET", "/sandbox/pay/{paymentId}", async f => GetRequest((await PaymentOfGuestAAsync(f)).PayPath), 200, 200, 200, 200, 200, 200),
        Rule("POST", "/sandbox/pay/{paymentId}/{action}", async f => SendRequest("POST", PageAction((await PaymentOfGuestAAsync(f)).PayPath, "succeed")), 200, 200, 200, 200, 200, 200),
        Rule("GET", "/api/v1/stores/{storeId}/events", _ => Get($"/api/v1/stores/{Store}/events"), 401, 403, 403, 200, 200, 200),
        Rule("GET", "/api/v1/admin/stock/invariant", _ => Get("/api/v1/admin/stock/invariant"), 401, 403, 403, 403, 403, 200),
        Rule("POST", "/api/v1/admin/users", _ => Send("POST", "/api/v1/admin/users", $$"""{"username":"u{{Guid.NewGuid():N}}","password":"long-enough-pw","role":"kitchen","storeIds":["{{Store}}"]}"""), 401, 403, 403, 403, 403, 201),
        Rule("POST", "/api/v1/auth/guest", _ => Send("POST", "/api/v1/auth/guest", $$"""{"storeId":"{{Store}}","table":"B2"}"""), 200, 200, 200, 200, 200, 200),
        Rule("POST", "/api/v1/auth/token", _ => Send("POST", "/api/v1/auth/token", $$"""{"username":"{{EdgeFixture.KitchenUser}}","password":"{{EdgeFixture.Password}}"}"""), 200, 200, 200, 200, 200, 200),
        Rule("POST", "/api/v1/auth/refresh", _ => Send("POST", "/api/v1/auth/refresh"), 401, 200, 200, 200, 200, 200),
        Rule("*", "/health/live", _ => Get("/health/live"), 200, 200, 200, 200, 200, 200),
        Rule("*", "/health/ready", _ => Get("/health/ready"), 200, 200, 200, 200, 200, 200),
        Rule("*", "/metrics", _ => Get("/metrics"), 200, 200, 200, 200, 200, 200),
        Rule("GET", "/openapi/{documentName}.json", _ => Get("/openapi/v1.json"), 200, 200, 200, 200, 200, 200),
    ];

    private static EndpointRule Rule(string method, string pattern, Func<EdgeFixture, Task<HttpRequestMessage>> request, params int[] expected) =>
        new(method, pattern, request, expected);

    private static Task<HttpRequestMessage> Get(string path) => Task.FromResult(GetRequest(path));

    private static Task<HttpRequestMessage> Send(string method, string path, string? json = null) => Task.FromResult(SendRequest(method, path, json));

    private static HttpRequestMessage GetRequest(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage SendRequest(string method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static Task<HttpRequestMessage> Place()
    {
        var request = SendRequest("POST", $"/api/v1/stores/{Store}/orders", Order);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return Task.FromResult(request);
    }

    private static HttpRequestMessage Pay(string orderId)
    {
        var request = SendRequest("POST", $"/api/v1/orders/{orderId}/payments", """{"provider":"sandbox"}""");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    /// <summary>A fresh sandbox payment of guest A: its id, and its pay page's path with the ticket.</summary>
    private static async Task<(string Id, string PayPath)> PaymentOfGuestAAsync(EdgeFixture fixture)
    {
        using var response = await fixture[Role.GuestA].SendAsync(Pay(await OrderOfGuestAAsync(fixture)));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var payment = await response.JsonAsync();
        return ((string)payment["id"]!, new Uri((string)payment["payUrl"]!).PathAndQuery);
    }

    private static string PageAction(string payPath, string action)
    {
        var at = payPath.IndexOf('?', StringComparison.Ordinal);
        return payPath[..at] + "/" + action + payPath[at..];
    }

    /// <summary>A fresh order of guest A for every cell, so one role's move never changes what the next one sees.</summary>
    private static async Task<string> OrderOfGuestAAsync(EdgeFixture fixture)
    {
        using var response = await fixture[Role.GuestA].PlaceOrderAsync(Order);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.JsonAsync())["id"]!;
    }
}
