using System.Security.Cryptography;
using System.Text;

namespace Canteen.Server.Api;

/// <summary>The <c>Idempotency-Key</c> header: 1–255 printable ASCII characters, and the fingerprint of the request it guards.</summary>
internal static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public static bool IsValid(string? key) =>
        key is { Length: >= 1 and <= 255 } && key.All(c => c is >= ' ' and <= '~');

    /// <summary>
    /// Method, path and body together: the same key sent to another store or endpoint is a different request,
    /// and so a reuse (422) rather than a replay.
    /// </summary>
    public static string Fingerprint(HttpRequest request, byte[] body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(request.Method + " " + request.Path.Value + "\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
