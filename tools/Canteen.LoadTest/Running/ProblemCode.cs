using System.Text.Json;

namespace Canteen.LoadTest.Running;

/// <summary>Finds the top-level <c>code</c> of an RFC 9457 problem body without building a DOM.</summary>
internal static class ProblemCode
{
    public static string? Read(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCode = reader.ValueTextEquals("code"u8);
                reader.Read();
                if (isCode && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): the status code alone will have to do.
        }

        return null;
    }
}
