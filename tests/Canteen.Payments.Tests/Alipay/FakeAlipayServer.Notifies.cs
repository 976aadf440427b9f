using System.Security.Cryptography;
using System.Text;

namespace Canteen.Payments.Tests.Alipay;

/// <summary>The async notifies (异步通知) the fake sends as Alipay would: form fields signed with the Alipay key.</summary>
public sealed partial class FakeAlipayServer
{
    /// <summary>The fields of an async notify for a trade (which must exist), as Alipay sends them, unsigned.</summary>
    public Dictionary<string, string> NotifyFields(long paymentId)
    {
        lock (_lock)
        {
            var trade = _trades.Get(Id(paymentId));
            var now = _time.GetUtcNow();
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["notify_time"] = Cst(now),
                ["notify_type"] = "trade_status_sync",
                ["notify_id"] = "ac05099524730693a8b330c5ecf72da9786",
                ["app_id"] = _appId,
                ["charset"] = "utf-8",
                ["version"] = "1.0",
                ["trade_no"] = trade.TradeNo,
                ["out_trade_no"] = trade.OutTradeNo,
                ["buyer_id"] = "2088102122524333",
                ["seller_id"] = "2088101106499364",
                ["trade_status"] = trade.Status,
                ["total_amount"] = trade.TotalAmount,
                ["receipt_amount"] = trade.TotalAmount,
                ["subject"] = trade.Subject + " & co = 100%",
                ["gmt_create"] = Cst(now.AddMinutes(-1)),
                ["gmt_payment"] = Cst(now),
            };
        }
    }

    /// <summary>
    /// Signs <paramref name="fields"/> as Alipay does (sorted, decoded values, without sign and sign_type) and
    /// form-encodes them; <paramref name="afterSigning"/> tampers with the fields once signed.
    /// </summary>
    public byte[] EncodeNotify(IDictionary<string, string> fields, RSA? signWith = null, Action<Dictionary<string, string>>? afterSigning = null)
    {
        var content = string.Join('&', fields.Where(f => f.Value.Length > 0 && f.Key is not ("sign" or "sign_type"))
            .OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value));
        byte[] signature;
        lock (_lock)
        {
            signature = (signWith ?? _alipayKey).SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        var signed = new Dictionary<string, string>(fields, StringComparer.Ordinal) { ["sign_type"] = "RSA2", ["sign"] = Convert.ToBase64String(signature) };
        afterSigning?.Invoke(signed);
        return Encoding.UTF8.GetBytes(string.Join('&', signed.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));
    }
}
