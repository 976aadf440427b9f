using System.Net;

namespace Canteen.LoadTest.Verification;

/// <summary>
/// Reads a store's stock levels; says why when it cannot (not served, not allowed). A listing in a shape the API does
/// not promise is no reason to skip the checks but an answer they cannot use: it throws a
/// <see cref="MalformedAnswerException"/> naming the store and what was wrong (see <see cref="StockListing"/>).
/// </summary>
internal sealed class StockReader(HttpClient client, string? staffAuthorization)
{
    public async Task<(IReadOnlyList<StockLevel>? Levels, string? Problem)> ReadAsync(string storeId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/stores/{Uri.EscapeDataString(storeId)}/stock", UriKind.Relative));
        if (staffAuthorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", staffAuthorization);
        }

        using var response = await VerificationRequest.SendAsync(client, request, cancellationToken);
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

        var levels = StockListing.Parse(storeId, await response.Content.ReadAsStringAsync(cancellationToken));
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
