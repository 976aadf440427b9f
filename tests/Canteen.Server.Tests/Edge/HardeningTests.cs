using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Edge;

/// <summary>CORS only for configured origins, and security headers on every response.</summary>
public sealed class HardeningTests
{
    [Fact]
    public async Task Preflight_UnlistedOrigin_NoCorsHeaders()
    {
        await using var app = new CanteenApp(settings: new Dictionary<string, string?> { ["Canteen:Cors:AllowedOrigins:0"] = "https://menu.example.com" });
        using var denied = await PreflightAsync(app, "https://evil.example.net");
        using var allowed = await PreflightAsync(app, "https://menu.example.com");

        Assert.False(denied.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("https://menu.example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Preflight_NoOriginsConfigured_Denied()
    {
        await using var app = new CanteenApp();
        using var denied = await PreflightAsync(app, "https://menu.example.com");

        Assert.False(denied.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/api/v1/stores")]
    [InlineData("/api/v1/admin/stock/invariant")]
    [InlineData("/no/such/path")]
    [InlineData("/swagger/index.html")]
    public async Task Response_AnyPath_CarriesSecurityHeaders(string path)
    {
        await using var app = new CanteenApp();
        using var client = app.AnonymousClient();
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    private static async Task<HttpResponseMessage> PreflightAsync(CanteenApp app, string origin)
    {
        using var client = app.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, $"/api/v1/stores/{ApiClient.Store}/orders");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
