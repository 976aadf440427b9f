using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Canteen.Server.Tests.Support;

/// <summary>Thin helpers over HttpClient that speak API.md, so tests read like the contract.</summary>
public static class ApiClient
{
    public const string Store = "sh-jingan";
    public const string BraisedPork = "braised-pork";

    public static async Task<HttpResponseMessage> PlaceOrderAsync(this HttpClient client, string body, string? key = null, string store = Store)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/stores/{store}/orders")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    public static string OrderBody(string dishId, int quantity = 1, string options = "", string type = "takeaway") =>
        $$"""{"type":"{{type}}","items":[{"dishId":"{{dishId}}","quantity":{{quantity}}{{(options.Length > 0 ? ",\"options\":[" + options + "]" : "")}}}]}""";

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The stock level of one limited dish as the API reports it.</summary>
    public static async Task<JsonNode> StockOfAsync(this HttpClient client, string dishId, string store = Store)
    {
        var levels = (JsonArray)await client.GetJsonAsync($"/api/v1/stores/{store}/stock");
        return levels.Single(l => (string?)l!["dishId"] == dishId)!;
    }

    /// <summary>A dish of the demo menu that has a modifier group with the given property (or any dish).</summary>
    public static async Task<JsonNode> FindDishAsync(this HttpClient client, Func<JsonNode, bool> predicate, string store = Store)
    {
        var menu = await client.GetJsonAsync($"/api/v1/stores/{store}/menu");
        return menu["categories"]!.AsArray().SelectMany(c => c!["dishes"]!.AsArray()).First(d => predicate(d!))!;
    }

    public static string Code(this JsonObject problem) => (string)problem["code"]!;

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
