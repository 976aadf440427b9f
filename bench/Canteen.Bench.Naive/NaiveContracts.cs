using System.Text.Json;
using System.Text.Json.Serialization;

namespace Canteen.Bench.Naive;

/// <summary>The order body of API.md; only what the baseline stores.</summary>
internal sealed record NaiveOrderRequest(string? Type, string? Table, IReadOnlyList<NaiveLineRequest?>? Items, string? Note);

internal sealed record NaiveLineRequest(string? DishId, int? Quantity, IReadOnlyList<string?>? Options, string? Note);

internal sealed record NaiveOrder(string Id, string StoreId, string Status);

internal sealed record NaiveStockLevel(string DishId, int Total, int Available, int Reserved, int Sold);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(NaiveOrderRequest))]
[JsonSerializable(typeof(NaiveOrder))]
[JsonSerializable(typeof(List<NaiveStockLevel>))]
internal sealed partial class NaiveJsonContext : JsonSerializerContext;
