using System.Text.Json;

namespace Canteen.Payments.Alipay;

/// <summary>
/// Finds the response node and the signature in a raw gateway answer. Alipay signs the node's JSON text exactly as
/// sent, so the node is returned as a slice of the raw bytes: re-serializing a parsed value would change escapes,
/// number spellings or key order and break the signature. A duplicate node or sign is refused, so the text verified
/// is always the text later read.
/// </summary>
internal static class AlipayResponseReader
{
    // Gateway-level failures (unknown app, bad request signature) come under error_response instead of the method's node.
    private const string ErrorNode = "error_response";

    public static bool TryRead(byte[] body, string method, out ReadOnlyMemory<byte> node, out string? sign)
    {
        node = default;
        sign = null;
        var nodeName = method.Replace('.', '_') + "_response";
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var found = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isNode = reader.ValueTextEquals(nodeName) || reader.ValueTextEquals(ErrorNode);
                var isSign = reader.ValueTextEquals("sign");
                reader.Read();
                if (isNode)
                {
                    if (found || reader.TokenType != JsonTokenType.StartObject)
                    {
                        return false;
                    }

                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    node = body.AsMemory(start, (int)reader.BytesConsumed - start);
                    found = true;
                }
                else if (isSign)
                {
                    if (sign is not null || reader.TokenType != JsonTokenType.String)
                    {
                        return false;
                    }

                    sign = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            return found && reader.TokenType == JsonTokenType.EndObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
