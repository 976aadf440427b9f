using System.Globalization;
using System.Net;
using Canteen.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Canteen.Server.Tests.Api;

public sealed class InvariantApiTests
{
    [Fact]
    public async Task GetInvariant_FreshChain_OkWithEveryLimitedDishChecked()
    {
        await using var app = new CanteenApp();
        var client = app.Client();
        var limited = 0;
        foreach (var store in (await client.GetJsonAsync("/api/v1/stores")).AsArray())
        {
            limited += (await client.GetJsonAsync($"/api/v1/stores/{store!["id"]}/stock")).AsArray().Count;
        }

        var report = await client.InvariantAsync();

        Assert.True((bool)report["ok"]!);
        Assert.True(limited > 0);
        Assert.Equal(limited, (int)report["checkedDishes"]!);
        Assert.Empty(report["violations"]!.AsArray());
        Assert.Empty(report["pending"]!.AsArray());
    }

    [Fact]
    public async Task GetInvariant_AfterOrdersAndACancel_Ok()
    {
        await using var app = new CanteenApp();
        var client = app.Client();
        var ids = new List<string>();
        foreach (var dish in new[] { ApiClient.BraisedPork, "peking-duck", "peking-duck" })
        {
            using var created = await client.PlaceOrderAsync(ApiClient.OrderBody(dish, 2, dish == ApiClient.BraisedPork ? "\"size-large\"" : ""));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids.Add((string)(await created.JsonAsync())["id"]!);
        }

        (await client.PostAsync($"/api/v1/orders/{ids[1]}/cancel")).Dispose();

        await client.AssertInvariantOkAsync();
        Assert.Equal((18, 2, 0, 20), await client.LevelAsync("peking-duck"));
    }

    [Fact]
    public async Task GetInvariant_StorageChangedBehindTheServersBack_ReportsEachBrokenRule()
    {
        await using var app = new CanteenApp();
        var client = app.Client();
        using var created = await client.PlaceOrderAsync(ApiClient.OrderBody(ApiClient.BraisedPork, 2, "\"size-regular\""));
        var id = long.Parse((string)(await created.JsonAsync())["id"]!, CultureInfo.InvariantCulture);

        await ExecuteAsync(app, $"UPDATE stock_holds SET state = 'released' WHERE order_id = {id}");
        await ExecuteAsync(app, $"UPDATE stock_levels SET total = total + 5 WHERE store_id = '{ApiClient.Store}' AND dish_id = '{ApiClient.BraisedPork}'");
        var report = await client.InvariantAsync();

        Assert.False((bool)report["ok"]!);
        var violations = report["violations"]!.AsArray().Select(v => v!).ToList();
        Assert.All(violations, v => Assert.Equal((ApiClient.Store, ApiClient.BraisedPork), ((string)v["storeId"]!, (string)v["dishId"]!)));
        var reserved = Assert.Single(violations, v => (string?)v["reason"] == "reserved_mismatch");
        Assert.Equal((2, 0), ((int)reserved["reserved"]!, (int)reserved["heldByLiveOrders"]!));
        var total = Assert.Single(violations, v => (string?)v["reason"] == "total_mismatch");
        Assert.Equal((50, 55), ((int)total["total"]!, (int)total["storedTotal"]!));
        Assert.False(string.IsNullOrEmpty((string?)total["detail"]));
        Assert.Equal(2, violations.Count);
    }

    private static async Task ExecuteAsync(CanteenApp app, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }
}
