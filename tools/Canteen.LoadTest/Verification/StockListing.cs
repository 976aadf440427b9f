using System.Text.Json;

namespace Canteen.LoadTest.Verification;

/// <summary>
/// Holds a store's stock listing to the shape the API promises: a list with one level per limited dish, each with a
/// non-empty <c>dishId</c> and four whole, non-negative numbers. The checks after the run key levels by dish and add
/// them up, so a listing that breaks that shape is refused here, saying where and what was wrong, instead of breaking
/// them in ways that name nothing (a duplicate key, a missing property) and ending the tool without a report.
/// </summary>
internal static class StockListing
{
    public static List<StockLevel> Parse(string storeId, string body)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw Malformed(storeId, $"is not JSON ({e.Message})");
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw Malformed(storeId, $"is not a list of levels but {MalformedAnswerException.Shown(json.RootElement)}");
            }

            var levels = new List<StockLevel>();
            var dishes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var element in json.RootElement.EnumerateArray())
            {
                var level = Level(storeId, element);
                if (!dishes.Add(level.DishId))
                {
                    throw Malformed(storeId, $"lists dish {level.DishId} twice");
                }

                levels.Add(level);
            }

            return levels;
        }
    }

    private static StockLevel Level(string storeId, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(storeId, $"lists {MalformedAnswerException.Shown(element)} where a dish's level belongs");
        }

        if (!element.TryGetProperty("dishId", out var id))
        {
            throw Malformed(storeId, "lists a dish without a dishId");
        }

        var dishId = id.ValueKind switch
        {
            JsonValueKind.String => id.GetString()!,
            JsonValueKind.Null => throw Malformed(storeId, "lists a dish with a null dishId"),
            _ => throw Malformed(storeId, $"lists a dish whose dishId is not a string ({MalformedAnswerException.Shown(id)})"),
        };
        if (dishId.Length == 0)
        {
            throw Malformed(storeId, "lists a dish with an empty dishId");
        }

        return new StockLevel(
            dishId,
            Number(storeId, dishId, element, "total"),
            Number(storeId, dishId, element, "available"),
            Number(storeId, dishId, element, "reserved"),
            Number(storeId, dishId, element, "sold"));
    }

    private static int Number(string storeId, string dishId, JsonElement level, string name)
    {
        if (!level.TryGetProperty(name, out var value))
        {
            throw Malformed(storeId, $"lists dish {dishId} without {name}");
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw Malformed(storeId, $"lists dish {dishId} whose {name} is not a whole number ({MalformedAnswerException.Shown(value)})");
        }

        return number >= 0 ? number : throw Malformed(storeId, $"lists dish {dishId} whose {name} is negative ({number})");
    }

    private static MalformedAnswerException Malformed(string storeId, string what) => new($"stock of {storeId} {what}");
}
