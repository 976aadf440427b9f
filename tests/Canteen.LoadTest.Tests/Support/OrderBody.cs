using System.Text.Json;

namespace Canteen.LoadTest.Tests.Support;

/// <summary>A generated order request read back the way the server would read it (API.md's camelCase shape).</summary>
internal sealed record OrderBody(string Type, string Table, IReadOnlyList<OrderBodyLine> Items)
{
    public static OrderBody Parse(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var items = root.GetProperty("items").EnumerateArray().Select(i => new OrderBodyLine(
            i.GetProperty("dishId").GetString()!,
            i.GetProperty("quantity").GetInt32(),
            i.GetProperty("options").EnumerateArray().Select(o => o.GetString()!).ToList(),
            i.TryGetProperty("note", out var note) ? note.GetString() : null)).ToList();
        return new OrderBody(root.GetProperty("type").GetString()!, root.GetProperty("table").GetString()!, items);
    }
}

internal sealed record OrderBodyLine(string DishId, int Quantity, IReadOnlyList<string> Options, string? Note);
