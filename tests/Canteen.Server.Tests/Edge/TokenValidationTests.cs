using System.Net;
using System.Security.Cryptography;
using Canteen.Server.Auth;
using Canteen.Server.Tests.Support;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Canteen.Server.Tests.Edge;

/// <summary>Only tokens this server signed, with HS256, still in their lifetime, are accepted.</summary>
public sealed class TokenValidationTests(EdgeFixture fixture) : IClassFixture<EdgeFixture>
{
    private const string AdminOnly = "/api/v1/admin/stock/invariant";

    private DateTime Now => DateTime.UtcNow;

    [Fact]
    public async Task Admin_ValidForgedShape_Accepted()
    {
        // The forging helper itself is sound: with the right key and times its token works, so the rejections below are
        // about the one thing each one changes.
        var token = ForgedTokens.Admin(TestAuth.SigningKey(fixture.App.Services), Now.AddMinutes(-1), Now.AddMinutes(5));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(token));
    }

    [Fact]
    public async Task Bearer_SameTokenTwice_SecondAcceptedFromTheValidatedTokenCache()
    {
        var cache = Assert.IsType<ValidatedTokenCache>(Assert.Single(fixture.App.Services
            .GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme).TokenHandlers));
        var token = ForgedTokens.Admin(TestAuth.SigningKey(fixture.App.Services), Now.AddMinutes(-1), Now.AddMinutes(5));
        var before = cache.Count;

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(token));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(token));

        Assert.Equal(before + 1, cache.Count);
    }

    [Fact]
    public async Task Admin_Expired_Unauthorized()
    {
        var token = ForgedTokens.Admin(TestAuth.SigningKey(fixture.App.Services), Now.AddHours(-3), Now.AddHours(-2));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(token));
    }

    [Fact]
    public async Task Admin_NotYetValid_Unauthorized()
    {
        var token = ForgedTokens.Admin(TestAuth.SigningKey(fixture.App.Services), Now.AddHours(2), Now.AddHours(3));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(token));
    }

    [Fact]
    public async Task Admin_WrongKey_Unauthorized()
    {
        var token = ForgedTokens.Admin(RandomNumberGenerator.GetBytes(64), Now.AddMinutes(-1), Now.AddMinutes(5));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(token));
    }

    [Fact]
    public async Task Admin_AlgNone_Unauthorized() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(ForgedTokens.Unsigned(Now.AddMinutes(5))));

    [Fact]
    public async Task Admin_OtherHmacAlgorithm_Unauthorized()
    {
        var token = ForgedTokens.Admin(TestAuth.SigningKey(fixture.App.Services), Now.AddMinutes(-1), Now.AddMinutes(5), SecurityAlgorithms.HmacSha512);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(token));
    }

    [Fact]
    public async Task Guest_RoleTamperedToAdmin_Unauthorized()
    {
        var guest = await EdgeFixture.GuestTokenAsync(fixture.App.AnonymousClient());
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(guest));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(ForgedTokens.Tampered(guest)));
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Basic YWRtaW46YWRtaW4=")]
    [InlineData("Bearer a.b.c")]
    public async Task Header_Garbage_UnauthorizedProblem(string header)
    {
        using var client = fixture.App.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, AdminOnly);
        request.Headers.TryAddWithoutValidation("Authorization", header);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", (await response.JsonAsync()).Code());
    }

    [Fact]
    public async Task SignIn_WrongPassword_UnauthorizedProblem()
    {
        using var client = fixture.App.AnonymousClient();
        using var response = await client.PostAsync(
            "/api/v1/auth/token",
            new StringContent("""{"username":"admin","password":"wrong-password"}""", System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", (await response.JsonAsync()).Code());
    }

    [Fact]
    public async Task Refresh_GuestToken_SameIdentityStillOwnsItsOrders()
    {
        using var guest = fixture.App.ClientWithToken(await EdgeFixture.GuestTokenAsync(fixture.App.AnonymousClient()));
        using var placed = await guest.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));
        var id = (string)(await placed.JsonAsync())["id"]!;
        using var refreshed = await guest.PostAsync("/api/v1/auth/refresh", null, TestContext.Current.CancellationToken);
        var token = (string)(await refreshed.JsonAsync())["accessToken"]!;

        using var again = fixture.App.ClientWithToken(token);
        using var read = await again.GetAsync("/api/v1/orders/" + id, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    private async Task<HttpStatusCode> StatusAsync(string token)
    {
        using var client = fixture.App.ClientWithToken(token);
        using var response = await client.GetAsync(AdminOnly, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
