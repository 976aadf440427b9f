using System.Net;
using System.Text.Json;

namespace Canteen.LoadTest.Verification;

/// <summary>Reads a store's stock levels; says why when it cannot (not served, not allowed).</summary>
internal sealed class StockReader(HttpClient client, string? staffAuthorization)
{
    public async Task<(IReadOnlyList<StockLevel>? Levels, string? Problem)> ReadAsync(string storeId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/stores/{Uri.EscapeDataString(storeId)}/stock", UriKind.Relative));
        if (staffAuthorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", staffAuthorization);
        }

        using var response = await client.SendAsync(request, cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                break;
            case HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed:
                return (null, $"stock of {storeId} not served (404): stock checks skipped");
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                return (null, $"stock of {storeId} needs a staff token (--staff-token): stock checks skipped");
            default:
                return (null, $"GET stock of {storeId} answered {(int)response.StatusCode}");
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        var levels = json.RootElement.EnumerateArray().Select(l => new StockLevel(
            l.GetProperty("dishId").GetString()!,
            l.GetProperty("total").GetInt32(),
            l.GetProperty("available").GetInt32(),
            l.GetProperty("reserved").GetInt32(),
            l.GetProperty("sold").GetInt32())).ToList();
        return (levels, null);
    }

    /// <summary>Every listed store's levels (null where unreadable), plus the reasons for what could not be read.</summary>
    public async Task<(Dictionary<string, IReadOnlyList<StockLevel>?> Levels, List<string> Problems)> ReadAllAsync(
        IEnumerable<string> storeIds, CancellationToken cancellationToken)
    {
        var levels = new Dictionary<string, IReadOnlyList<StockLevel>?>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var storeId in storeIds)
        {
            var (read, problem) = await ReadAsync(storeId, cancellationToken);
            levels[storeId] = read;
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        return (levels, problems);
    }
}
