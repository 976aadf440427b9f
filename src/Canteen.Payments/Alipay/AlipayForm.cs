using System.Globalization;
using System.Text;

namespace Canteen.Payments.Alipay;

/// <summary>
/// A strict <c>application/x-www-form-urlencoded</c> reader for notifies, working on the raw bytes. Lenient decoders
/// keep a broken <c>%</c> escape as text, substitute invalid UTF-8 or merge repeated keys; here any of these makes the
/// whole body malformed, so the fields verified are exactly the fields read.
/// </summary>
internal static class AlipayForm
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryParse(byte[] body, out Dictionary<string, string> fields)
    {
        fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = body.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'&');
            var pair = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf((byte)'=');
            if (equals <= 0
                || !TryDecode(pair[..equals], out var key)
                || !TryDecode(pair[(equals + 1)..], out var value)
                || !fields.TryAdd(key, value))
            {
                return false;
            }
        }

        return fields.Count > 0;
    }

    private static bool TryDecode(ReadOnlySpan<byte> encoded, out string decoded)
    {
        decoded = "";
        var bytes = new byte[encoded.Length];
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            switch (encoded[i])
            {
                case (byte)'%':
                    if (i + 2 >= encoded.Length
                        || !byte.TryParse(encoded.Slice(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[length]))
                    {
                        return false;
                    }

                    i += 2;
                    break;
                case (byte)'+':
                    bytes[length] = (byte)' ';
                    break;
                default:
                    bytes[length] = encoded[i];
                    break;
            }

            length++;
        }

        try
        {
            decoded = StrictUtf8.GetString(bytes, 0, length);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
