using System.Text.Json.Serialization;

namespace Canteen.Payments.WeChatPay;

/// <summary>Source-generated JSON for the WeChat Pay shapes: snake_case names, nulls left out of requests.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TransactionRequest))]
[JsonSerializable(typeof(PrepayResponse))]
[JsonSerializable(typeof(TransactionResource))]
[JsonSerializable(typeof(CloseRequest))]
[JsonSerializable(typeof(RefundRequest))]
[JsonSerializable(typeof(RefundResponse))]
[JsonSerializable(typeof(RefundResource))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(Notification))]
internal sealed partial class WeChatPayJsonContext : JsonSerializerContext;
