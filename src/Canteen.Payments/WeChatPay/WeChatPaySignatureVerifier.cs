using System.Globalization;

namespace Canteen.Payments.WeChatPay;

/// <summary>
/// Checks a WeChat signature on a response or a callback: the four <c>Wechatpay-*</c> headers, a serial we know, a
/// timestamp inside the window and an RSA-SHA256 signature over <c>timestamp\nnonce\nbody\n</c>.
/// </summary>
internal sealed class WeChatPaySignatureVerifier(WeChatPayCredentials credentials, TimeProvider timeProvider)
{
    public const string TimestampHeader = "Wechatpay-Timestamp";
    public const string NonceHeader = "Wechatpay-Nonce";
    public const string SignatureHeader = "Wechatpay-Signature";
    public const string SerialHeader = "Wechatpay-Serial";

    /// <summary>Returns why the message does not verify, or null when it does.</summary>
    /// <param name="header">Looks a header up by name (ignoring case), null when absent.</param>
    /// <param name="body">The body exactly as received: the signature is over these bytes, not over re-encoded JSON.</param>
    public string? Check(Func<string, string?> header, ReadOnlySpan<byte> body)
    {
        var timestamp = header(TimestampHeader);
        var nonce = header(NonceHeader);
        var signature = header(SignatureHeader);
        var serial = header(SerialHeader);
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(serial))
        {
            return "a Wechatpay-Timestamp, -Nonce, -Signature or -Serial header is missing";
        }

        // The serial says which key signed. Only keys we were configured with count: a serial we do not know could
        // belong to anyone, and fetching "the key for this serial" from the message itself would prove nothing.
        if (!credentials.HasPlatformKey(serial))
        {
            return $"unknown signing key serial '{serial}'";
        }

        // The window bounds replays: a captured message (say, an old "paid" callback) cannot be played back later.
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return "the timestamp is not a number of seconds";
        }

        var skew = timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        var window = credentials.Options.TimestampWindow;
        if (skew > window)
        {
            return "the timestamp is older than the window";
        }

        if (-skew > window)
        {
            return "the timestamp is in the future beyond the window";
        }

        // WeChat sometimes probes with signatures starting "WECHATPAY/SIGNTEST/"; they are not base64 of a valid
        // signature, and rejecting them is exactly the answer the probe expects.
        var signatureBytes = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature, signatureBytes, out var written))
        {
            return "the signature is not base64";
        }

        var message = WeChatPayMessages.Response(timestamp, nonce, body);
        return credentials.Verify(serial, message, signatureBytes.AsSpan(0, written)) ? null : "the signature does not verify";
    }
}
