using System.Net;
using System.Text.Json.Nodes;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Api;

public sealed class OrdersApiTests
{
    [Fact]
    public async Task PlaceOrder_ValidOrder_PricesOnServerHoldsStockAndCanBeReadAndCancelled()
    {
        await using var app = new CanteenApp();
        var client = app.Client();
        const string Body = """
            {"type":"dine_in","table":"A12","note":"no cilantro","items":[
              {"dishId":"braised-pork","quantity":2,"options":["size-large"],"unitPrice":1,"price":1},
              {"dishId":"dan-dan-noodles","quantity":1,"options":["spice-hot","size-regular","addon-egg","addon-beef"],"note":"extra vinegar"}],
             "total":1,"status":"paid"}
            """;

        using var created = await client.PlaceOrderAsync(Body);
        var order = await created.JsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/orders/{order["id"]}", created.Headers.Location?.OriginalString);
        Assert.Equal("created", (string?)order["status"]);
        Assert.Equal("dine_in", (string?)order["type"]);
        Assert.Equal("A12", (string?)order["table"]);
        Assert.Equal(1, (int)order["version"]!);
        Assert.Equal("A001", (string?)order["pickupNumber"]);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}$", (string?)order["number"]);
        var items = order["items"]!.AsArray();
        Assert.Equal(5800 + 500, (long)items[0]!["unitPrice"]!);
        Assert.Equal(2 * 6300, (long)items[0]!["lineTotal"]!);
        Assert.Equal(2600 + 300 + 800, (long)items[1]!["unitPrice"]!);
        Assert.Equal("extra vinegar", (string?)items[1]!["note"]);
        Assert.Equal(12600 + 3700, (long)order["total"]!);
        Assert.Equal("CNY", (string?)order["currency"]);
        var stock = await client.StockOfAsync(ApiClient.BraisedPork);
        Assert.Equal((48, 2, 0, 50), ((int)stock["available"]!, (int)stock["reserved"]!, (int)stock["sold"]!, (int)stock["total"]!));

        var read = await client.GetJsonAsync($"/api/v1/orders/{order["id"]}");
        Assert.True(JsonNode.DeepEquals(order, read));

        using var cancelled = await client.PostAsync($"/api/v1/orders/{order["id"]}/cancel");
        var cancelledOrder = await cancelled.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (string?)cancelledOrder["status"]);
        Assert.Equal(2, (int)cancelledOrder["version"]!);
        stock = await client.StockOfAsync(ApiClient.BraisedPork);
        Assert.Equal((50, 0, 0), ((int)stock["available"]!, (int)stock["reserved"]!, (int)stock["sold"]!));
    }

    [Fact]
    public async Task ListOrders_ManyOrders_PagesNewestFirstAndFiltersByStatus()
    {
        await using var app = new CanteenApp();
        var client = app.Client();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PlaceOrderAsync(ApiClient.OrderBody("xiaolongbao"));
            ids.Add((string)(await response.JsonAsync())["id"]!);
        }

        (await client.PostAsync($"/api/v1/orders/{ids[0]}/cancel")).Dispose();

        var first = await client.GetJsonAsync($"/api/v1/stores/{ApiClient.Store}/orders?limit=3");
        var second = await client.GetJsonAsync($"/api/v1/stores/{ApiClient.Store}/orders?limit=3&after={first["next"]}");
        var cancelled = await client.GetJsonAsync($"/api/v1/stores/{ApiClient.Store}/orders?status=cancelled");

        var listed = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(o => (string)o!["id"]!).ToList();
        Assert.Equal(Enumerable.Reverse(ids), listed);
        Assert.Null(second["next"]);
        Assert.Equal([ids[0]], cancelled["items"]!.AsArray().Select(o => (string)o!["id"]!));
    }

    [Fact]
    public async Task Lifecycle_IllegalMoves_Return409InvalidTransitionAndChangeNothing()
    {
        await using var app = new CanteenApp();
        var client = app.Client();
        using var created = await client.PlaceOrderAsync(ApiClient.OrderBody("xiaolongbao"));
        var id = (string)(await created.JsonAsync())["id"]!;

        foreach (var move in new[] { "start", "ready", "complete" })
        {
            using var refused = await client.PostAsync($"/api/v1/orders/{id}/{move}");
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("invalid_transition", (await refused.JsonAsync()).Code());
        }

        (await client.PostAsync($"/api/v1/orders/{id}/cancel")).Dispose();
        using var again = await client.PostAsync($"/api/v1/orders/{id}/cancel");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("invalid_transition", (await again.JsonAsync()).Code());
        var order = await client.GetJsonAsync($"/api/v1/orders/{id}");
        Assert.Equal(("cancelled", 2), ((string?)order["status"], (int)order["version"]!));
    }

    [Fact]
    public async Task Cancel_StaleIfMatch_Returns412VersionConflict()
    {
        await using var app = new CanteenApp();
        var client = app.Client();
        using var created = await client.PlaceOrderAsync(ApiClient.OrderBody("xiaolongbao"));
        var id = (string)(await created.JsonAsync())["id"]!;

        using var stale = await client.PostAsync($"/api/v1/orders/{id}/cancel", ifMatch: "\"7\"");
        using var current = await client.PostAsync($"/api/v1/orders/{id}/cancel", ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("version_conflict", (await stale.JsonAsync()).Code());
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("\"2\"", current.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task GetOrder_UnknownOrMalformedId_Returns404Problem()
    {
        await using var app = new CanteenApp();
        var client = app.Client();

        foreach (var id in new[] { "123456789", "not-an-id", "-1" })
        {
            using var response = await client.GetAsync($"/api/v1/orders/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("not_found", (await response.JsonAsync()).Code());
        }
    }
}
