using System.Buffers;
using System.Text.Json;

namespace Canteen.LoadTest.Workload;

/// <summary>Serialises an order request the way API.md describes it (camelCase, options by id).</summary>
internal static class OrderBodyWriter
{
    public static byte[] Write(string table, IReadOnlyList<OrderLine> lines)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "dine_in");
            json.WriteString("table", table);
            json.WriteStartArray("items");
            foreach (var line in lines)
            {
                json.WriteStartObject();
                json.WriteString("dishId", line.Dish.Id);
                json.WriteNumber("quantity", line.Quantity);
                json.WriteStartArray("options");
                foreach (var option in line.Options)
                {
                    json.WriteStringValue(option);
                }

                json.WriteEndArray();
                if (line.Note is not null)
                {
                    json.WriteString("note", line.Note);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
