using System.Net;
using System.Text.Json.Nodes;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Api;

public sealed class StoresApiTests : IClassFixture<SharedApp>
{
    private readonly HttpClient _client;

    public StoresApiTests(SharedApp app) => _client = app.App.Client();

    [Fact]
    public async Task ListStores_DemoChain_ReturnsThreeStoresInDifferentCities()
    {
        var stores = (JsonArray)await _client.GetJsonAsync("/api/v1/stores");

        Assert.Equal(3, stores.Count);
        Assert.Equal(3, stores.Select(s => (string?)s!["city"]).Distinct().Count());
        Assert.All(stores, s => Assert.Equal("CNY", (string?)s!["currency"]));
    }

    [Fact]
    public async Task GetMenu_DemoStore_HasCategoriesDishesModifiersAndRemainingForLimitedDishes()
    {
        var menu = await _client.GetJsonAsync($"/api/v1/stores/{ApiClient.Store}/menu");
        var dishes = menu["categories"]!.AsArray().SelectMany(c => c!["dishes"]!.AsArray()).ToList();

        Assert.Equal(ApiClient.Store, (string?)menu["storeId"]);
        Assert.True(menu["categories"]!.AsArray().Count >= 5);
        Assert.True(dishes.Count >= 30);
        var pork = dishes.Single(d => (string?)d!["id"] == ApiClient.BraisedPork)!;
        Assert.Equal(50, (int)pork["remaining"]!);
        Assert.True((bool)pork["available"]!);
        var noodles = dishes.Single(d => (string?)d!["id"] == "dan-dan-noodles")!;
        Assert.Null(noodles["remaining"]);
        Assert.Contains(noodles["modifierGroups"]!.AsArray(), g => (int)g!["min"]! == 1 && (int)g["max"]! == 1);
    }

    [Fact]
    public async Task GetMenu_StoreSetting_HidesDishNotSoldThereAndAppliesPriceOverride()
    {
        var shanghai = await _client.GetJsonAsync("/api/v1/stores/sh-jingan/menu");
        var beijing = await _client.GetJsonAsync("/api/v1/stores/bj-sanlitun/menu");

        static JsonNode? Dish(JsonNode menu, string id) =>
            menu["categories"]!.AsArray().SelectMany(c => c!["dishes"]!.AsArray()).SingleOrDefault(d => (string?)d!["id"] == id);
        Assert.Null(Dish(shanghai, "chongqing-xiaomian"));
        Assert.NotNull(Dish(beijing, "chongqing-xiaomian"));
        Assert.True((long)Dish(beijing, "peking-duck")!["price"]! < (long)Dish(shanghai, "peking-duck")!["price"]!);
    }

    [Fact]
    public async Task GetMenu_UnknownStore_Returns404Problem()
    {
        using var response = await _client.GetAsync("/api/v1/stores/nowhere/menu");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not_found", (await response.JsonAsync()).Code());
    }
}
