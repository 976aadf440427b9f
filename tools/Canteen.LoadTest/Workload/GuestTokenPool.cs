using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Canteen.LoadTest.Workload;

/// <summary>
/// Signs guests in before the run (one token per table), so the run measures ordering, not signing in, and runs
/// with identity on exactly as guests would.
/// </summary>
internal static class GuestTokenPool
{
    private static readonly Uri GuestEndpoint = new("/api/v1/auth/guest", UriKind.Relative);

    /// <summary>The store's guests with tokens, or <c>null</c> when the server has no guest sign-in (404).</summary>
    public static async Task<IReadOnlyList<GuestPass>?> ObtainAsync(
        HttpClient client, string storeId, int count, CancellationToken cancellationToken)
    {
        var guests = new List<GuestPass>(count);
        for (var i = 1; i <= count; i++)
        {
            var table = TemplateFactory.TableName(i);
            using var content = JsonContent.Create(new Dictionary<string, string> { ["storeId"] = storeId, ["table"] = table });
            using var response = await client.PostAsync(GuestEndpoint, content, cancellationToken);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(
                    $"POST {GuestEndpoint} for {storeId}/{table} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
            var token = json.RootElement.GetProperty("accessToken").GetString()!;
            var scheme = json.RootElement.TryGetProperty("tokenType", out var type) ? type.GetString() ?? "Bearer" : "Bearer";
            guests.Add(new GuestPass(storeId, table, scheme + " " + token));
        }

        return guests;
    }
}
