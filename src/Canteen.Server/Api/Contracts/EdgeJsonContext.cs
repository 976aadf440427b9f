using System.Text.Json;
using System.Text.Json.Serialization;

namespace Canteen.Server.Api.Contracts;

/// <summary>Source-generated serialisation of the identity contracts, with the same options as <see cref="ApiJsonContext"/>.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(GuestTokenRequest))]
[JsonSerializable(typeof(SignInRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(CreateUserRequest))]
[JsonSerializable(typeof(UserDto))]
public sealed partial class EdgeJsonContext : JsonSerializerContext;
