using System.Net;
using System.Text.Json;

namespace Canteen.LoadTest.Verification;

/// <summary>
/// Asks the server's own stock invariant check (<c>GET /api/v1/admin/stock/invariant</c>) where it has one. The
/// server sees every hold, including ones this client never heard about, so its answer complements ours.
/// </summary>
internal static class InvariantProbe
{
    private static readonly Uri Endpoint = new("/api/v1/admin/stock/invariant", UriKind.Relative);

    // Names a boolean verdict might have; the endpoint is being built elsewhere, so be liberal in what we accept.
    private static readonly string[] VerdictNames = ["ok", "holds", "valid", "passed", "consistent", "success"];

    public static async Task<(string Summary, bool Failed)> RunAsync(HttpClient client, string? staffAuthorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint);
        if (staffAuthorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", staffAuthorization);
        }

        using var response = await VerificationRequest.SendAsync(client, request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var shown = body.Length > 300 ? body[..300] + "..." : body;
        switch (response.StatusCode)
        {
            case HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed:
                return ("not offered by this server (404)", false);
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                return ($"not checked: {(int)response.StatusCode}, needs an admin token (--staff-token)", false);
            case HttpStatusCode.OK:
                var verdict = Verdict(body);
                return verdict == false ? ("FAILED: " + shown, true) : ("ok: " + shown, false);
            default:
                return ($"FAILED ({(int)response.StatusCode}): {shown}", true);
        }
    }

    private static bool? Verdict(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False
                    && VerdictNames.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                {
                    return property.Value.GetBoolean();
                }
            }
        }
        catch (JsonException)
        {
            // A 200 with a body we cannot read still says the server found nothing wrong.
        }

        return null;
    }
}
