using System.Net.Http.Json;
using System.Text.Json;

namespace Canteen.LoadTest.Workload;

/// <summary>
/// Signs in with <c>--admin-user</c>/<c>--admin-password</c> (<c>POST /api/v1/auth/token</c>) for the staff and admin
/// calls around a run (stock levels, the invariant check), when no <c>--staff-token</c> was given.
/// </summary>
internal static class AdminSignIn
{
    private static readonly Uri TokenEndpoint = new("/api/v1/auth/token", UriKind.Relative);

    /// <returns>The token (without scheme).</returns>
    public static async Task<string> TokenAsync(HttpClient client, string username, string password, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(new Dictionary<string, string> { ["username"] = username, ["password"] = password });
        using var response = await client.PostAsync(TokenEndpoint, content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Signing in as {username} answered {(int)response.StatusCode}.");
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        return json.RootElement.GetProperty("accessToken").GetString()
            ?? throw new InvalidOperationException("Sign-in answered without a token.");
    }
}
