using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Canteen.Payments.Sandbox;

/// <summary>
/// HMAC-SHA256 signatures for sandbox callbacks (<c>Sandbox-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c> over
/// <c>t + "." + body</c>, the shape many real providers use) and for pay-page links, so the sandbox exercises the same
/// verify-before-trust path as a real provider.
/// </summary>
public sealed class SandboxSigner
{
    public const string SignatureHeader = "Sandbox-Signature";

    private readonly byte[] _key;

    public SandboxSigner(IOptions<SandboxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.SigningKey;
        _key = string.IsNullOrEmpty(configured) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(configured);
    }

    public string SignCallback(byte[] body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(body);
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Convert.ToHexStringLower(Mac(timestamp, body))}";
    }

    /// <summary>Checks a callback's signature header; returns why not, or null when it verifies.</summary>
    public string? CheckCallback(string? header, byte[] body, DateTimeOffset now, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrEmpty(header))
        {
            return $"the {SignatureHeader} header is missing";
        }

        string? timestamp = null, signature = null;
        foreach (var part in header.Split(','))
        {
            var (name, value) = part.IndexOf('=', StringComparison.Ordinal) is var at and > 0 ? (part[..at].Trim(), part[(at + 1)..].Trim()) : (part, "");
            timestamp = name == "t" ? value : timestamp;
            signature = name == "v1" ? value : signature;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signature is null)
        {
            return "the signature header is malformed";
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > window)
        {
            return "the timestamp is outside the allowed window";
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return "the signature is not hex";
        }

        return CryptographicOperations.FixedTimeEquals(given, Mac(timestamp!, body)) ? null : "the signature does not match";
    }

    /// <summary>A short token in the pay-page link: whoever has the link may pay, as with a real provider's page.</summary>
    public string TicketFor(long paymentId) =>
        Base64Url(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("pay:" + paymentId.ToString(CultureInfo.InvariantCulture))))[..22];

    public bool CheckTicket(long paymentId, string? ticket) =>
        ticket is { Length: 22 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ticket), Encoding.ASCII.GetBytes(TicketFor(paymentId)));

    private byte[] Mac(string timestamp, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message, prefix.Length);
        return HMACSHA256.HashData(_key, message);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
