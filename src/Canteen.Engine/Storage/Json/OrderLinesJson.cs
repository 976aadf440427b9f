using System.Text.Json;
using Canteen.Core.Ordering;
using Canteen.Core.Shared;

namespace Canteen.Engine.Storage.Json;

/// <summary>
/// Converts order lines to and from the JSON both storage adapters keep in the orders table. Lines are frozen at
/// placement and only ever read whole with their order, so one JSON column beats a child table (one insert per order
/// instead of one per line). Shared so the two adapters cannot drift apart in what they store.
/// </summary>
public static class OrderLinesJson
{
    public static string Write(IReadOnlyList<OrderLine> lines)
    {
        var documents = new LineDocument[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var options = new OptionDocument[line.Options.Count];
            for (var j = 0; j < options.Length; j++)
            {
                var option = line.Options[j];
                options[j] = new OptionDocument(option.Id, option.Name, option.PriceDelta.Minor);
            }

            documents[i] = new LineDocument(
                line.DishId, line.Name, line.Quantity, line.UnitPrice.Minor, options, line.LineTotal.Minor, line.Note);
        }

        return JsonSerializer.Serialize(documents, StorageJsonContext.Default.LineDocumentArray);
    }

    public static IReadOnlyList<OrderLine> Read(string json, string currency)
    {
        var documents = JsonSerializer.Deserialize(json, StorageJsonContext.Default.LineDocumentArray)
            ?? throw new InvalidDataException("An order row has null lines.");
        var lines = new OrderLine[documents.Length];
        for (var i = 0; i < documents.Length; i++)
        {
            var document = documents[i];
            var options = new SelectedOption[document.Options.Count];
            for (var j = 0; j < options.Length; j++)
            {
                var option = document.Options[j];
                options[j] = new SelectedOption(option.Id, option.Name, new Money(option.PriceDelta, currency));
            }

            lines[i] = new OrderLine(
                document.DishId,
                document.Name,
                document.Quantity,
                new Money(document.UnitPrice, currency),
                options,
                new Money(document.LineTotal, currency),
                document.Note);
        }

        return lines;
    }
}
