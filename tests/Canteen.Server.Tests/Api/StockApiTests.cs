using System.Net;
using System.Text;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Api;

public sealed class StockApiTests
{
    [Fact]
    public async Task SetTotal_AboveHeldPortions_ChangesAvailableAndSurvivesRestart()
    {
        string directory;
        await using (var app = new CanteenApp())
        {
            app.DeleteDirectoryOnDispose = false;
            directory = app.DataDirectory;
            var client = app.Client();
            (await client.PlaceOrderAsync(ApiClient.OrderBody(ApiClient.BraisedPork, 5, "\"size-regular\""))).Dispose();

            using var response = await client.PutAsync(
                $"/api/v1/stores/{ApiClient.Store}/stock/{ApiClient.BraisedPork}",
                new StringContent("{\"total\":20}", Encoding.UTF8, "application/json"));
            var level = await response.JsonAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal((20, 15, 5, 0), ((int)level["total"]!, (int)level["available"]!, (int)level["reserved"]!, (int)level["sold"]!));
        }

        await using var restarted = new CanteenApp(directory);
        var stock = await restarted.Client().StockOfAsync(ApiClient.BraisedPork);
        Assert.Equal((20, 15, 5), ((int)stock["total"]!, (int)stock["available"]!, (int)stock["reserved"]!));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task SetTotal_BelowHeldPortions_Returns409AndKeepsLevel()
    {
        await using var app = new CanteenApp();
        var client = app.Client();
        (await client.PlaceOrderAsync(ApiClient.OrderBody(ApiClient.BraisedPork, 5, "\"size-regular\""))).Dispose();

        using var response = await client.PutAsync(
            $"/api/v1/stores/{ApiClient.Store}/stock/{ApiClient.BraisedPork}",
            new StringContent("{\"total\":4}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("stock_conflict", (await response.JsonAsync()).Code());
        var stock = await client.StockOfAsync(ApiClient.BraisedPork);
        Assert.Equal((50, 45, 5), ((int)stock["total"]!, (int)stock["available"]!, (int)stock["reserved"]!));
    }
}
