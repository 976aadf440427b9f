using System.Net;
using Canteen.LoadTest.Menu;
using Canteen.LoadTest.Tests.Support;

namespace Canteen.LoadTest.Tests.Menu;

public sealed class MenuLoaderTests
{
    private const string Menu = """
        {"storeId":"sh-jingan","categories":[
          {"id":"signature","dishes":[
            {"id":"braised-pork","remaining":0,"modifierGroups":[{"id":"size","min":1,"max":1,"options":[{"id":"size-regular"},{"id":"size-large"}]}]},
            {"id":"mapo-tofu","modifierGroups":[]}]},
          {"id":"drinks","dishes":[{"id":"tea","remaining":null,"modifierGroups":[]}]}]}
        """;

    // Only dishes with a remaining count hold stock; a sold-out one (0) stays in, since guests still ask for it.
    [Fact]
    public async Task LoadAsync_ServedMenu_ReadsDishesOptionsAndWhichAreLimited()
    {
        var handler = new StubHandler(request => request.RequestUri!.AbsolutePath switch
        {
            "/api/v1/stores" => StubHandler.Json(HttpStatusCode.OK, """[{"id":"sh-jingan","name":"Jing'an"}]"""),
            "/api/v1/stores/sh-jingan/menu" => StubHandler.Json(HttpStatusCode.OK, Menu),
            _ => StubHandler.Status(HttpStatusCode.NotFound),
        });

        var menus = await MenuLoader.LoadAsync(handler.Client(), TestContext.Current.CancellationToken);

        var store = Assert.Single(menus!);
        Assert.Equal("sh-jingan", store.StoreId);
        Assert.Equal([("braised-pork", true), ("mapo-tofu", false), ("tea", false)], store.Dishes.Select(d => (d.Id, d.Limited)));
        var size = Assert.Single(store.Dishes[0].Groups);
        Assert.Equal(("size", 1, 1), (size.Id, size.Min, size.Max));
        Assert.Equal(["size-regular", "size-large"], size.OptionIds);
    }

    [Fact]
    public async Task LoadAsync_ServerWithoutMenus_ReturnsNullForTheBuiltInSample()
    {
        var handler = new StubHandler(_ => StubHandler.Status(HttpStatusCode.NotFound));

        Assert.Null(await MenuLoader.LoadAsync(handler.Client(), TestContext.Current.CancellationToken));
    }
}
