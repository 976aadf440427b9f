namespace Canteen.Payments.Tests.WeChatPay;

/// <summary>A trade the fake keeps; mutable, like the real thing.</summary>
internal sealed class FakeTrade(string outTradeNo, long total, string currency, string description, string notifyUrl, string timeExpire, string? openid)
{
    public string OutTradeNo { get; } = outTradeNo;

    public long Total { get; } = total;

    public string Currency { get; } = currency;

    public string Description { get; } = description;

    public string NotifyUrl { get; } = notifyUrl;

    public string TimeExpire { get; } = timeExpire;

    public string? Openid { get; } = openid;

    public string TradeState { get; set; } = "NOTPAY";

    public string? TransactionId { get; set; }

    public Dictionary<string, FakeRefund> Refunds { get; } = new(StringComparer.Ordinal);
}

internal sealed record FakeRefund(string OutRefundNo, string RefundId, long Amount, string Status, string? Reason);
