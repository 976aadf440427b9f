using System.Net.Http.Json;
using Canteen.Server.Tests.Observability;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Edge;

/// <summary>Signing in and calling with tokens leaves neither tokens nor passwords in the structured logs.</summary>
public sealed class SecretLoggingTests
{
    [Fact]
    public async Task Logs_AfterSignInAndAuthenticatedCalls_ContainNoTokenOrPassword()
    {
        await using var app = new ObservedApp(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" });
        using var anonymous = app.Client();
        anonymous.DefaultRequestHeaders.Authorization = null;
        using var signIn = await anonymous.PostAsJsonAsync(
            "/api/v1/auth/token", new { username = TestAuth.AdminUsername, password = TestAuth.AdminPassword }, TestContext.Current.CancellationToken);
        var token = (string)(await signIn.JsonAsync())["accessToken"]!;
        using var guest = await anonymous.PostAsJsonAsync("/api/v1/auth/guest", new { storeId = ApiClient.Store }, TestContext.Current.CancellationToken);
        var guestToken = (string)(await guest.JsonAsync())["accessToken"]!;
        using var admin = TestAuth.Authorize(app.Client(), token);
        using var stock = await admin.GetAsync($"/api/v1/stores/{ApiClient.Store}/stock", TestContext.Current.CancellationToken);
        using var forged = TestAuth.Authorize(app.Client(), token[..^4] + "AAAA");
        using var rejected = await forged.GetAsync($"/api/v1/stores/{ApiClient.Store}/stock", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, stock.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, rejected.StatusCode);
        var signature = token.Split('.')[2];
        Assert.NotEmpty(app.Logs.Lines);
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(signature, StringComparison.Ordinal)
            || line.Contains(guestToken.Split('.')[2], StringComparison.Ordinal)
            || line.Contains(TestAuth.AdminPassword, StringComparison.Ordinal));
    }
}
