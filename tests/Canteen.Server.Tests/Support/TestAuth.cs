using System.Net.Http.Headers;
using Canteen.Engine.Identity;
using Canteen.Server.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Canteen.Server.Tests.Support;

/// <summary>
/// Identity for test servers: a known bootstrap admin, limits lifted (tests that are about limits set their own), and
/// tokens minted by the server's own <see cref="TokenIssuer"/>, exactly as its endpoints would issue them.
/// </summary>
public static class TestAuth
{
    public const string AdminUsername = "admin";
    public const string AdminPassword = "test-admin-password";

    /// <summary>Applied before a test's own settings, which win.</summary>
    public static IReadOnlyDictionary<string, string?> DefaultSettings { get; } = new Dictionary<string, string?>
    {
        ["Canteen:Auth:BootstrapAdmin:Username"] = AdminUsername,
        ["Canteen:Auth:BootstrapAdmin:Password"] = AdminPassword,
        ["Canteen:Limits:PerCaller:TokenLimit"] = "0",
        ["Canteen:Limits:PerStore:TokenLimit"] = "0",
        ["Canteen:Limits:Auth:TokenLimit"] = "0",

        // Tests that fire hundreds of concurrent orders check correctness under contention, not admission; the
        // admission limit itself is tested with its own small setting (LimitsTests).
        ["Canteen:Limits:OrderConcurrencyLimit"] = "0",
    };

    public static TokenIssuer Issuer(IServiceProvider services) => services.GetRequiredService<TokenIssuer>();

    public static string AdminToken(IServiceProvider services) => UserToken(services, UserRoles.Admin, []);

    public static string UserToken(IServiceProvider services, string role, IReadOnlyList<string> stores, string? username = null) =>
        Issuer(services).IssueUser(new UserAccount(username ?? role + "-user", "-", role, stores, DateTimeOffset.UnixEpoch)).AccessToken;

    /// <summary>The server's signing key bytes, to forge tokens that differ from valid ones in one respect only.</summary>
    public static byte[] SigningKey(IServiceProvider services) => services.GetRequiredService<SigningKeyProvider>().Key.Key;

    public static HttpClient Authorize(HttpClient client, string token)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
