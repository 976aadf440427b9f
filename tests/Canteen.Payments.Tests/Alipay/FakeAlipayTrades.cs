using System.Globalization;
using System.Text.Json;

namespace Canteen.Payments.Tests.Alipay;

/// <summary>
/// The trades behind <see cref="FakeAlipayServer"/>, answering the five trade methods as Alipay documents them.
/// Not thread-safe: the server calls it under its lock.
/// </summary>
internal sealed class FakeAlipayTrades
{
    private readonly Dictionary<string, Trade> _trades = new(StringComparer.Ordinal);
    private int _sequence;

    public bool RefundsSettleImmediately { get; set; } = true;

    public int RefundCount { get; private set; }

    public string? StatusOf(string outTradeNo) => _trades.TryGetValue(outTradeNo, out var trade) ? trade.Status : null;

    public Trade Add(string outTradeNo, string totalAmount, string status, string subject = "午餐")
    {
        _sequence++;
        var trade = new Trade(outTradeNo, $"2025030122001{_sequence:D6}", totalAmount, subject, $"https://qr.alipay.com/bax0{_sequence:D5}") { Status = status };
        _trades[outTradeNo] = trade;
        return trade;
    }

    public Trade Get(string outTradeNo) => _trades[outTradeNo];

    public List<KeyValuePair<string, string>> Handle(string method, JsonElement biz) => method switch
    {
        "alipay.trade.precreate" => Precreate(biz),
        "alipay.trade.query" => WithTrade(biz, Query),
        "alipay.trade.close" => WithTrade(biz, Close),
        "alipay.trade.refund" => WithTrade(biz, trade => Refund(trade, biz)),
        "alipay.trade.fastpay.refund.query" => WithTrade(biz, trade => RefundQuery(trade, biz)),
        _ => Error("40002", "Invalid Arguments", "isv.invalid-method", "不存在的方法名"),
    };

    public static List<KeyValuePair<string, string>> Error(string code, string msg, string subCode, string subMsg) =>
        [new("code", code), new("msg", msg), new("sub_code", subCode), new("sub_msg", subMsg)];

    private List<KeyValuePair<string, string>> Precreate(JsonElement biz)
    {
        var outTradeNo = Text(biz, "out_trade_no");
        if (_trades.TryGetValue(outTradeNo, out var existing))
        {
            return existing.Status == "WAIT_BUYER_PAY"
                ? Ok(("out_trade_no", outTradeNo), ("qr_code", existing.QrCode))
                : Error("40004", "Business Failed", "ACQ.TRADE_HAS_SUCCESS", "交易已被支付");
        }

        var trade = Add(outTradeNo, Text(biz, "total_amount"), "WAIT_BUYER_PAY", Text(biz, "subject"));
        return Ok(("out_trade_no", outTradeNo), ("qr_code", trade.QrCode));
    }

    private static List<KeyValuePair<string, string>> Query(Trade trade) =>
        Ok(("trade_no", trade.TradeNo), ("out_trade_no", trade.OutTradeNo), ("buyer_logon_id", "159****5620"), ("trade_status", trade.Status),
            ("total_amount", trade.TotalAmount), ("subject", trade.Subject));

    private static List<KeyValuePair<string, string>> Close(Trade trade)
    {
        if (trade.Status != "WAIT_BUYER_PAY")
        {
            return Error("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }

        trade.Status = "TRADE_CLOSED";
        return Ok(("trade_no", trade.TradeNo), ("out_trade_no", trade.OutTradeNo));
    }

    private List<KeyValuePair<string, string>> Refund(Trade trade, JsonElement biz)
    {
        var requestNo = Text(biz, "out_request_no");
        if (!trade.Refunds.ContainsKey(requestNo))
        {
            if (trade.Status is not ("TRADE_SUCCESS" or "TRADE_FINISHED"))
            {
                return Error("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
            }

            var amount = decimal.Parse(Text(biz, "refund_amount"), CultureInfo.InvariantCulture);
            if (trade.Refunds.Values.Sum(r => r.Amount) + amount > decimal.Parse(trade.TotalAmount, CultureInfo.InvariantCulture))
            {
                return Error("40004", "Business Failed", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
            }

            trade.Refunds[requestNo] = new TradeRefund(amount) { Settled = RefundsSettleImmediately };
            RefundCount++;

            // Only the call that moved money says so; a repeat of the same out_request_no answers "N".
            return RefundAnswer(trade, RefundsSettleImmediately ? "Y" : "N");
        }

        return RefundAnswer(trade, "N");
    }

    private static List<KeyValuePair<string, string>> RefundAnswer(Trade trade, string fundChange) =>
        Ok(("trade_no", trade.TradeNo), ("out_trade_no", trade.OutTradeNo), ("fund_change", fundChange),
            ("refund_fee", trade.Refunds.Values.Sum(r => r.Amount).ToString("0.00", CultureInfo.InvariantCulture)));

    private static List<KeyValuePair<string, string>> RefundQuery(Trade trade, JsonElement biz)
    {
        var requestNo = Text(biz, "out_request_no");
        if (!trade.Refunds.TryGetValue(requestNo, out var refund) || !refund.Settled)
        {
            // Alipay answers success with no refund_status for a refund it has not (yet) made.
            return Ok(("out_trade_no", trade.OutTradeNo), ("out_request_no", requestNo));
        }

        return Ok(("trade_no", trade.TradeNo), ("out_trade_no", trade.OutTradeNo), ("out_request_no", requestNo),
            ("total_amount", trade.TotalAmount), ("refund_amount", refund.Amount.ToString("0.00", CultureInfo.InvariantCulture)),
            ("refund_status", "REFUND_SUCCESS"));
    }

    private List<KeyValuePair<string, string>> WithTrade(JsonElement biz, Func<Trade, List<KeyValuePair<string, string>>> handle) =>
        _trades.TryGetValue(Text(biz, "out_trade_no"), out var trade)
            ? handle(trade)
            : Error("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在");

    private static List<KeyValuePair<string, string>> Ok(params (string Key, string Value)[] fields) =>
        [new("code", "10000"), new("msg", "Success"), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))];

    private static string Text(JsonElement biz, string name) => biz.GetProperty(name).GetString()!;

    internal sealed record Trade(string OutTradeNo, string TradeNo, string TotalAmount, string Subject, string QrCode)
    {
        public required string Status { get; set; }

        public Dictionary<string, TradeRefund> Refunds { get; } = new(StringComparer.Ordinal);
    }

    internal sealed record TradeRefund(decimal Amount)
    {
        public bool Settled { get; set; }
    }
}
