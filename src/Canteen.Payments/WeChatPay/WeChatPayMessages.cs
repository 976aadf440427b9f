using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Canteen.Payments.WeChatPay;

/// <summary>
/// The exact byte strings WeChat Pay v3 signs. Every field ends with <c>\n</c>, the last one too: the terminator makes
/// the split unambiguous (a body cannot borrow bytes from the nonce), and a message without the final newline simply
/// does not verify at WeChat, so it is part of the format, not decoration.
/// </summary>
internal static class WeChatPayMessages
{
    public const string AuthorizationScheme = "WECHATPAY2-SHA256-RSA2048";

    /// <summary>32 random hex characters: WeChat rejects a nonce it has seen, so it must never repeat.</summary>
    public static string NewNonce() => RandomNumberGenerator.GetHexString(32);

    public static string UnixSeconds(TimeProvider time) =>
        time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary><c>METHOD\nPATH?QUERY\ntimestamp\nnonce\nbody\n</c>; the path is as sent, query included.</summary>
    public static byte[] Request(string method, string pathAndQuery, string timestamp, string nonce, ReadOnlySpan<byte> body) =>
        Join(Encoding.UTF8.GetBytes($"{method}\n{pathAndQuery}\n{timestamp}\n{nonce}\n"), body);

    /// <summary><c>timestamp\nnonce\nbody\n</c> over the raw body bytes, for responses and callbacks alike.</summary>
    public static byte[] Response(string timestamp, string nonce, ReadOnlySpan<byte> body) =>
        Join(Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n"), body);

    /// <summary><c>appId\ntimeStamp\nnonceStr\npackage\n</c>: what the WeChat client checks paySign against.</summary>
    public static byte[] Jsapi(string appId, string timestamp, string nonce, string package) =>
        Encoding.UTF8.GetBytes($"{appId}\n{timestamp}\n{nonce}\n{package}\n");

    public static string Authorization(string mchId, string nonce, string signature, string timestamp, string serial) =>
        $"mchid=\"{mchId}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{timestamp}\",serial_no=\"{serial}\"";

    private static byte[] Join(ReadOnlySpan<byte> head, ReadOnlySpan<byte> body)
    {
        var message = new byte[head.Length + body.Length + 1];
        head.CopyTo(message);
        body.CopyTo(message.AsSpan(head.Length));
        message[^1] = (byte)'\n';
        return message;
    }
}
