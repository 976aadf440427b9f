using System.Text.Json.Serialization;

namespace Canteen.Engine.Storage.Json;

/// <summary>Source-generated JSON for the order lines column: no reflection on the write path.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LineDocument[]))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
