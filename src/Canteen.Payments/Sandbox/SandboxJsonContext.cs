using System.Text.Json.Serialization;

namespace Canteen.Payments.Sandbox;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SandboxTrade))]
[JsonSerializable(typeof(SandboxNotice))]
internal sealed partial class SandboxJsonContext : JsonSerializerContext;
