using System.Text;

namespace Canteen.Server.Tests.Edge;

/// <summary>One generated hostile request: method, path, optional body and extra headers, and who sends it.</summary>
public sealed record FuzzRequest(string Method, string Path, string? Body, string ContentType, Role Caller, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>Whether a 2xx answer would mean the request changed something (it must never get one).</summary>
    public bool Writes => Method is "PUT" || (Method is "POST" && !Path.StartsWith("/api/v1/auth/", StringComparison.Ordinal));

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Body is not null)
        {
            message.Content = new StringContent(Body, Encoding.UTF8);
            message.Content.Headers.Remove("Content-Type");
            if (ContentType.Length > 0)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value) && message.Content is not null)
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    // Short enough for a failure message: long bodies and headers are cut.
    public override string ToString() =>
        $"{Caller} {Method} {Cut(Path)} [{string.Join(", ", Headers.Select(h => h.Key + ": " + Cut(h.Value)))}] {ContentType} {Cut(Body)}";

    private static string Cut(string? text) => text is null ? "(none)" : text.Length <= 200 ? text : text[..200] + $"...({text.Length} chars)";
}
