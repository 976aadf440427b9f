using System.Text.Json;
using System.Text.Json.Serialization;

namespace Canteen.Bench.Hello;

internal sealed record HelloReply(string Message);

internal sealed record HelloOrder(string Id, string StoreId, string Status);

/// <summary>Source-generated JSON, as Canteen uses, so neither side pays for reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HelloReply))]
[JsonSerializable(typeof(HelloOrder))]
internal sealed partial class HelloJsonContext : JsonSerializerContext;
