using System.Net;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Api;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task PlaceOrder_200ConcurrentOrdersFor50Portions_Exactly50CreatedRestSoldOutStockAddsUp()
    {
        await using var app = new CanteenApp();
        var client = app.Client();
        var body = ApiClient.OrderBody(ApiClient.BraisedPork, 1, "\"size-regular\"");
        using var gate = new SemaphoreSlim(0);

        var attempts = Enumerable.Range(0, 200).Select(async _ =>
        {
            await gate.WaitAsync();
            using var response = await client.PlaceOrderAsync(body);
            var code = response.StatusCode == HttpStatusCode.Created ? "created" : (await response.JsonAsync()).Code();
            return (response.StatusCode, code);
        }).ToList();
        gate.Release(200);
        var results = await Task.WhenAll(attempts);

        Assert.Equal(50, results.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.Created), r =>
            Assert.Equal((HttpStatusCode.Conflict, "sold_out"), r));
        var stock = await client.StockOfAsync(ApiClient.BraisedPork);
        Assert.Equal((0, 50, 0, 50), ((int)stock["available"]!, (int)stock["reserved"]!, (int)stock["sold"]!, (int)stock["total"]!));
        var orders = await client.GetJsonAsync($"/api/v1/stores/{ApiClient.Store}/orders?limit=200");
        Assert.Equal(50, orders["items"]!.AsArray().Count);
        var menu = await client.FindDishAsync(d => (string?)d["id"] == ApiClient.BraisedPork);
        Assert.Equal((0, false), ((int)menu["remaining"]!, (bool)menu["available"]!));
    }
}
