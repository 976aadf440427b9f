using System.Net;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Api;

public sealed class OperationsTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_RunningServer_IsHealthy(string path)
    {
        using var response = await shared.App.Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheOrderEndpoints()
    {
        var document = await shared.App.Client().GetJsonAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/stores/{storeId}/orders", paths);
        Assert.Contains("/api/v1/orders/{orderId}/cancel", paths);
        Assert.Contains("/api/v1/stores/{storeId}/stock/{dishId}", paths);
    }

    [Fact]
    public async Task Swagger_Ui_IsServed()
    {
        using var response = await shared.App.Client().GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnknownRoute_Returns404ProblemWithCode()
    {
        using var response = await shared.App.Client().GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not_found", (await response.JsonAsync()).Code());
    }

    [Fact]
    public async Task WrongMethod_Returns405ProblemWithCode()
    {
        using var response = await shared.App.Client().DeleteAsync("/api/v1/stores");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("method_not_allowed", (await response.JsonAsync()).Code());
    }
}
