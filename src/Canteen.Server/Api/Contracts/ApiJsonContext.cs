using System.Text.Json;
using System.Text.Json.Serialization;

namespace Canteen.Server.Api.Contracts;

/// <summary>
/// Source-generated serialisation for every API contract: no reflection on the hot path, and the same options
/// for responses written by hand (orders, whose bytes are also stored for idempotent replay).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(IReadOnlyList<StoreDto>))]
[JsonSerializable(typeof(MenuDto))]
[JsonSerializable(typeof(IReadOnlyList<StockLevelDto>))]
[JsonSerializable(typeof(StockLevelDto))]
[JsonSerializable(typeof(SetStockTotalRequest))]
[JsonSerializable(typeof(PlaceOrderRequest))]
[JsonSerializable(typeof(OrderDto))]
[JsonSerializable(typeof(OrderListDto))]
[JsonSerializable(typeof(StockInvariantDto))]
[JsonSerializable(typeof(CreatePaymentRequest))]
[JsonSerializable(typeof(PaymentDto))]
[JsonSerializable(typeof(IReadOnlyList<PaymentDto>))]
[JsonSerializable(typeof(SandboxFaultsDto))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
