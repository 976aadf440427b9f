using System.Text.Json.Serialization;

namespace Canteen.Payments.WeChatPay;

// The WeChat Pay v3 JSON shapes we send and read, snake_case on the wire (see WeChatPayJsonContext). Only the fields
// we use are declared; WeChat adds fields freely and unknown ones are ignored.

internal sealed record TransactionRequest(
    [property: JsonPropertyName("appid")] string AppId,
    [property: JsonPropertyName("mchid")] string MchId,
    string Description,
    string OutTradeNo,
    string TimeExpire,
    string NotifyUrl,
    TransactionAmount Amount,
    TransactionPayer? Payer);

internal sealed record TransactionAmount(long Total, string? Currency, long? PayerTotal = null);

internal sealed record TransactionPayer(string Openid);

internal sealed record PrepayResponse(string? CodeUrl, string? PrepayId);

/// <summary>A transaction as the query answers it and as a payment callback carries it (encrypted).</summary>
internal sealed record TransactionResource(
    [property: JsonPropertyName("mchid")] string? MchId,
    string? OutTradeNo,
    string? TransactionId,
    string? TradeState,
    TransactionAmount? Amount);

internal sealed record CloseRequest([property: JsonPropertyName("mchid")] string MchId);

internal sealed record RefundRequest(string OutTradeNo, string OutRefundNo, string Reason, string NotifyUrl, RefundAmount Amount);

internal sealed record RefundAmount(long Refund, long Total, string Currency);

internal sealed record RefundResponse(string? RefundId, string? OutRefundNo, string? Status);

/// <summary>A refund as a refund callback carries it (encrypted).</summary>
internal sealed record RefundResource(
    [property: JsonPropertyName("mchid")] string? MchId,
    string? OutTradeNo,
    string? TransactionId,
    string? OutRefundNo,
    string? RefundStatus,
    RefundResourceAmount? Amount);

internal sealed record RefundResourceAmount(long Total, long Refund);

internal sealed record ErrorResponse(string? Code, string? Message);

internal sealed record Notification(string? Id, string? EventType, string? ResourceType, NotificationResource? Resource);

internal sealed record NotificationResource(string? Algorithm, string? Ciphertext, string? AssociatedData, string? Nonce, string? OriginalType);
