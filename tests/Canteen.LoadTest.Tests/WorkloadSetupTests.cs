using System.Net;
using Canteen.LoadTest.Menu;
using Canteen.LoadTest.Options;
using Canteen.LoadTest.Tests.Support;

namespace Canteen.LoadTest.Tests;

public sealed class WorkloadSetupTests
{
    // The hello and naive baselines serve neither menus nor guest sign-in, yet must get bodies of the same shape.
    [Fact]
    public async Task PrepareAsync_BaselineServer_UsesBuiltInMenuAndSaysItRunsAnonymously()
    {
        var handler = new StubHandler(_ => StubHandler.Status(HttpStatusCode.NotFound));

        var setup = await WorkloadSetup.PrepareAsync(handler.Client(), new LoadOptions(), TestContext.Current.CancellationToken);

        Assert.StartsWith("built-in demo sample", setup.MenuSource, StringComparison.Ordinal);
        Assert.Equal("anonymous: the server has no POST /api/v1/auth/guest (404)", setup.Identity);
        Assert.Equal(BuiltInMenu.Stores.Select(s => s.StoreId), setup.Scenario.StoreIds);
        Assert.All(setup.Scenario.Templates, t => Assert.Null(t.Authorization));
        Assert.Single(handler.Requests, r => r.Path == "/api/v1/auth/guest");
    }

    [Fact]
    public async Task PrepareAsync_GuestSignIn_EveryTemplateCarriesAGuestTokenOfItsStore()
    {
        var handler = new StubHandler(request => request.RequestUri!.AbsolutePath == "/api/v1/auth/guest"
            ? StubHandler.Json(HttpStatusCode.OK, """{"accessToken":"guest-token","tokenType":"Bearer"}""")
            : StubHandler.Status(HttpStatusCode.NotFound));

        var setup = await WorkloadSetup.PrepareAsync(handler.Client(), new LoadOptions { GuestTokens = 3 }, TestContext.Current.CancellationToken);

        Assert.Equal("guest tokens: 3 per store", setup.Identity);
        Assert.Equal(9, handler.Requests.Count(r => r.Path == "/api/v1/auth/guest"));
        Assert.All(setup.Scenario.Templates, t => Assert.Equal("Bearer guest-token", t.Authorization));
    }

    [Fact]
    public async Task PrepareAsync_SameSeed_SameBodiesInTheSameOrder()
    {
        var options = new LoadOptions { GuestTokens = 0, Seed = 5 };

        var first = await WorkloadSetup.PrepareAsync(new StubHandler(_ => StubHandler.Status(HttpStatusCode.NotFound)).Client(), options, TestContext.Current.CancellationToken);
        var second = await WorkloadSetup.PrepareAsync(new StubHandler(_ => StubHandler.Status(HttpStatusCode.NotFound)).Client(), options, TestContext.Current.CancellationToken);

        Assert.Equal(first.Scenario.Templates.Select(t => Convert.ToBase64String(t.Body)), second.Scenario.Templates.Select(t => Convert.ToBase64String(t.Body)));
        Assert.Equal("anonymous (--guest-tokens 0)", first.Identity);
    }

    [Fact]
    public async Task PrepareAsync_FlashSaleInUnknownStore_FailsNamingTheStore()
    {
        var handler = new StubHandler(_ => StubHandler.Status(HttpStatusCode.NotFound));
        var options = new LoadOptions { Scenario = ScenarioKind.FlashSale, FlashStore = "xa-muslim-quarter", GuestTokens = 0 };

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => WorkloadSetup.PrepareAsync(handler.Client(), options, TestContext.Current.CancellationToken));

        Assert.Equal("Store 'xa-muslim-quarter' is not on the menu.", e.Message);
    }
}
