using System.Net;
using System.Text.Json.Nodes;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Api;

public sealed class RestartTests
{
    [Fact]
    public async Task Restart_SameDataDirectory_KeepsOrdersStockPickupSequenceAndReplaysKeys()
    {
        var body = ApiClient.OrderBody(ApiClient.BraisedPork, 4, "\"size-regular\"");
        string firstResponse;
        string orderId;
        string directory;
        await using (var app = new CanteenApp())
        {
            app.DeleteDirectoryOnDispose = false;
            directory = app.DataDirectory;
            using var created = await app.Client().PlaceOrderAsync(body, "restart-key");
            firstResponse = await created.Content.ReadAsStringAsync();
            orderId = (string)JsonNode.Parse(firstResponse)!["id"]!;
        }

        await using var restarted = new CanteenApp(directory);
        var client = restarted.Client();
        using var replay = await client.PlaceOrderAsync(body, "restart-key");
        using var next = await client.PlaceOrderAsync(ApiClient.OrderBody("xiaolongbao"));
        var read = await client.GetJsonAsync($"/api/v1/orders/{orderId}");
        var stock = await client.StockOfAsync(ApiClient.BraisedPork);

        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(firstResponse, await replay.Content.ReadAsStringAsync());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(firstResponse), read));
        Assert.Equal((46, 4), ((int)stock["available"]!, (int)stock["reserved"]!));
        Assert.Equal("A002", (string?)(await next.JsonAsync())["pickupNumber"]);

        (await client.PostAsync($"/api/v1/orders/{orderId}/cancel")).Dispose();
        Assert.Equal(50, (int)(await client.StockOfAsync(ApiClient.BraisedPork))["available"]!);
        Directory.Delete(directory, recursive: true);
    }
}
