using System.Text.Json.Serialization;

namespace Canteen.Engine.Outbox;

/// <summary>Source-generated JSON for what the engine itself serialises (event payloads): no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(OrderEventPayload))]
internal sealed partial class EngineJsonContext : JsonSerializerContext;
