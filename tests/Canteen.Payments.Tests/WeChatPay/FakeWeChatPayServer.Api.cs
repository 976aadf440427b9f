using System.Globalization;
using System.Text.Json.Nodes;

namespace Canteen.Payments.Tests.WeChatPay;

/// <summary>The fake's API routes and its in-memory trades.</summary>
internal sealed partial class FakeWeChatPayServer
{
    private const string ByTradeNo = "/v3/pay/transactions/out-trade-no/";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeTrade> _trades = new(StringComparer.Ordinal);
    private int _refundCount;

    /// <summary>How many refunds moved money (a repeated out_refund_no does not count).</summary>
    public int RefundCount => Volatile.Read(ref _refundCount);

    /// <summary>The status new refunds get.</summary>
    public string RefundStatus { get; set; } = "SUCCESS";

    /// <summary>When set, the guest pays just before a close arrives, so the close answers ORDERPAID.</summary>
    public bool PayBeforeClose { get; set; }

    public FakeTrade Trade(long paymentId)
    {
        lock (_gate)
        {
            return _trades[Key(paymentId)];
        }
    }

    public void SetTradeState(long paymentId, string state)
    {
        lock (_gate)
        {
            SetState(_trades[Key(paymentId)], state);
        }
    }

    public void MarkPaid(long paymentId) => SetTradeState(paymentId, "SUCCESS");

    private (int Status, JsonNode? Answer) Route(string method, string path, string mchIdQuery, byte[] body)
    {
        lock (_gate)
        {
            return (method, path) switch
            {
                ("POST", "/v3/pay/transactions/native") => Create(JsonNode.Parse(body)!, jsapi: false),
                ("POST", "/v3/pay/transactions/jsapi") => Create(JsonNode.Parse(body)!, jsapi: true),
                ("POST", "/v3/refund/domestic/refunds") => Refund(JsonNode.Parse(body)!),
                ("GET", _) when path.StartsWith(ByTradeNo, StringComparison.Ordinal) => Query(path[ByTradeNo.Length..], mchIdQuery),
                ("POST", _) when path.StartsWith(ByTradeNo, StringComparison.Ordinal) && path.EndsWith("/close", StringComparison.Ordinal) =>
                    Close(path[ByTradeNo.Length..^"/close".Length], JsonNode.Parse(body)!),
                _ => Error(404, "NOT_FOUND", "no such API"),
            };
        }
    }

    private (int, JsonNode?) Create(JsonNode request, bool jsapi)
    {
        if ((string?)request["mchid"] != _merchant.MchId || (string?)request["appid"] != _merchant.AppId)
        {
            return Error(400, "APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配");
        }

        var openid = (string?)request["payer"]?["openid"];
        if (jsapi && string.IsNullOrEmpty(openid))
        {
            return Error(400, "PARAM_ERROR", "缺少参数 payer.openid");
        }

        var no = (string)request["out_trade_no"]!;
        if (!_trades.TryGetValue(no, out var trade))
        {
            trade = new FakeTrade(no, request["amount"]!["total"]!.GetValue<long>(), (string)request["amount"]!["currency"]!,
                (string)request["description"]!, (string)request["notify_url"]!, (string)request["time_expire"]!, openid);
            _trades.Add(no, trade);
        }
        else if (trade.TradeState != "NOTPAY")
        {
            return Error(400, "ORDERPAID", "该订单已支付");
        }

        return (200, jsapi
            ? new JsonObject { ["prepay_id"] = "wx" + no }
            : new JsonObject { ["code_url"] = "weixin://wxpay/bizpayurl?pr=" + no });
    }

    private (int, JsonNode?) Query(string no, string mchId)
    {
        if (mchId != _merchant.MchId)
        {
            return Error(400, "PARAM_ERROR", "mchid");
        }

        return _trades.TryGetValue(no, out var trade) ? (200, TransactionJson(trade)) : Error(404, "ORDER_NOT_EXIST", "订单不存在");
    }

    private (int, JsonNode?) Close(string no, JsonNode request)
    {
        if ((string?)request["mchid"] != _merchant.MchId)
        {
            return Error(400, "PARAM_ERROR", "mchid");
        }

        if (!_trades.TryGetValue(no, out var trade))
        {
            return Error(404, "ORDER_NOT_EXIST", "订单不存在");
        }

        if (PayBeforeClose)
        {
            SetState(trade, "SUCCESS");
        }

        if (trade.TradeState is "SUCCESS" or "REFUND")
        {
            return Error(400, "ORDERPAID", "该订单已支付");
        }

        trade.TradeState = "CLOSED";
        return (204, null);
    }

    private (int, JsonNode?) Refund(JsonNode request)
    {
        if (!_trades.TryGetValue((string)request["out_trade_no"]!, out var trade))
        {
            return Error(404, "RESOURCE_NOT_EXISTS", "订单不存在");
        }

        var outRefundNo = (string)request["out_refund_no"]!;
        if (trade.Refunds.TryGetValue(outRefundNo, out var existing))
        {
            return (200, RefundJson(trade, existing));
        }

        var amount = request["amount"]!["refund"]!.GetValue<long>();
        if (trade.TradeState is not ("SUCCESS" or "REFUND") || request["amount"]!["total"]!.GetValue<long>() != trade.Total)
        {
            return Error(400, "INVALID_REQUEST", "订单未支付或金额不符");
        }

        if (trade.Refunds.Values.Sum(r => r.Amount) + amount > trade.Total)
        {
            return Error(403, "NOT_ENOUGH", "可退金额不足");
        }

        var refund = new FakeRefund(outRefundNo, "50300" + trade.Refunds.Count + trade.OutTradeNo, amount, RefundStatus, (string?)request["reason"]);
        trade.Refunds.Add(outRefundNo, refund);
        trade.TradeState = "REFUND";
        Interlocked.Increment(ref _refundCount);
        return (200, RefundJson(trade, refund));
    }

    private JsonObject TransactionJson(FakeTrade trade) => new()
    {
        ["appid"] = _merchant.AppId,
        ["mchid"] = _merchant.MchId,
        ["out_trade_no"] = trade.OutTradeNo,
        ["transaction_id"] = trade.TransactionId,
        ["trade_type"] = trade.Openid is null ? "NATIVE" : "JSAPI",
        ["trade_state"] = trade.TradeState,
        ["trade_state_desc"] = "fake",
        ["payer"] = trade.Openid is null ? null : new JsonObject { ["openid"] = trade.Openid },
        ["amount"] = new JsonObject { ["total"] = trade.Total, ["payer_total"] = trade.Total, ["currency"] = trade.Currency, ["payer_currency"] = "CNY" },
    };

    private JsonObject RefundJson(FakeTrade trade, FakeRefund refund) => new()
    {
        ["mchid"] = _merchant.MchId,
        ["refund_id"] = refund.RefundId,
        ["out_refund_no"] = refund.OutRefundNo,
        ["transaction_id"] = trade.TransactionId,
        ["out_trade_no"] = trade.OutTradeNo,
        ["channel"] = "ORIGINAL",
        ["user_received_account"] = "支付用户零钱",
        ["create_time"] = BeijingTime(),
        ["status"] = refund.Status,
        ["amount"] = new JsonObject { ["total"] = trade.Total, ["refund"] = refund.Amount, ["payer_total"] = trade.Total, ["payer_refund"] = refund.Amount, ["currency"] = "CNY" },
    };

    private static void SetState(FakeTrade trade, string state)
    {
        trade.TradeState = state;
        if (state is "SUCCESS" or "REFUND")
        {
            trade.TransactionId ??= "42000" + trade.OutTradeNo;
        }
    }

    private string BeijingTime() =>
        _time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Key(long paymentId) => paymentId.ToString(CultureInfo.InvariantCulture);
}
