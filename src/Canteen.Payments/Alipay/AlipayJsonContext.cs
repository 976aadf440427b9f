using System.Text.Json.Serialization;

namespace Canteen.Payments.Alipay;

/// <summary>Source-generated serialization of biz_content: no reflection, and null optional fields are left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AlipayPrecreateContent))]
[JsonSerializable(typeof(AlipayTradeContent))]
[JsonSerializable(typeof(AlipayRefundContent))]
[JsonSerializable(typeof(AlipayRefundQueryContent))]
internal sealed partial class AlipayJsonContext : JsonSerializerContext;
