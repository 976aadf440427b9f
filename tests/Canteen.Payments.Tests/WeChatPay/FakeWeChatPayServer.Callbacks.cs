using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Canteen.Engine.Payments;

namespace Canteen.Payments.Tests.WeChatPay;

/// <summary>Callbacks (notifications) as WeChat would post them to the merchant's notify_url.</summary>
internal sealed partial class FakeWeChatPayServer
{
    public ProviderCallbackRequest TransactionCallback(long paymentId, CallbackTampering? tampering = null)
    {
        JsonObject resource;
        lock (_gate)
        {
            resource = TransactionJson(_trades[Key(paymentId)]);
        }

        var eventType = (string)resource["trade_state"]! == "SUCCESS" ? "TRANSACTION.SUCCESS" : "TRANSACTION." + (string)resource["trade_state"]!;
        return Callback(eventType, "transaction", resource, tampering ?? new CallbackTampering());
    }

    public ProviderCallbackRequest RefundCallback(long paymentId, string outRefundNo, string eventType = "REFUND.SUCCESS", CallbackTampering? tampering = null)
    {
        JsonObject resource;
        lock (_gate)
        {
            var trade = _trades[Key(paymentId)];
            var refund = trade.Refunds[outRefundNo];
            resource = new JsonObject
            {
                ["mchid"] = _merchant.MchId,
                ["out_trade_no"] = trade.OutTradeNo,
                ["transaction_id"] = trade.TransactionId,
                ["out_refund_no"] = refund.OutRefundNo,
                ["refund_id"] = refund.RefundId,
                ["refund_status"] = eventType["REFUND.".Length..],
                ["success_time"] = BeijingTime(),
                ["user_received_account"] = "支付用户零钱",
                ["amount"] = new JsonObject { ["total"] = trade.Total, ["refund"] = refund.Amount, ["payer_total"] = trade.Total, ["payer_refund"] = refund.Amount },
            };
        }

        return Callback(eventType, "refund", resource, tampering ?? new CallbackTampering());
    }

    private ProviderCallbackRequest Callback(string eventType, string originalType, JsonObject resource, CallbackTampering tampering)
    {
        if (tampering.OutTradeNo is not null)
        {
            resource["out_trade_no"] = tampering.OutTradeNo;
        }

        var nonce = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 12);
        var associatedData = originalType;
        var plaintext = Encoding.UTF8.GetBytes(resource.ToJsonString());
        var sealedBytes = new byte[plaintext.Length + 16];
        using (var aes = new AesGcm(Encoding.UTF8.GetBytes(tampering.ApiV3Key ?? _merchant.ApiV3Key), 16))
        {
            aes.Encrypt(Encoding.UTF8.GetBytes(nonce), plaintext, sealedBytes.AsSpan(0, plaintext.Length),
                sealedBytes.AsSpan(plaintext.Length), Encoding.UTF8.GetBytes(associatedData));
        }

        if (tampering.Ciphertext)
        {
            sealedBytes[0] ^= 1;
        }

        var notification = new JsonObject
        {
            ["id"] = "EV-" + RandomNumberGenerator.GetHexString(16),
            ["create_time"] = BeijingTime(),
            ["resource_type"] = "encrypt-resource",
            ["event_type"] = eventType,
            ["summary"] = "fake",
            ["resource"] = new JsonObject
            {
                ["original_type"] = originalType,
                ["algorithm"] = "AEAD_AES_256_GCM",
                ["ciphertext"] = Convert.ToBase64String(sealedBytes),
                ["associated_data"] = tampering.AssociatedData ? associatedData + "x" : associatedData,
                ["nonce"] = nonce,
            },
        };
        var body = Encoding.UTF8.GetBytes(tampering.RawBody ?? notification.ToJsonString());
        var headers = SignedHeaders(body, tampering.TimestampShift, tampering.BadSignature, tampering.UnknownSerial);
        if (tampering.OmitHeader is not null)
        {
            headers.Remove(tampering.OmitHeader);
        }

        return new ProviderCallbackRequest(headers, body, "application/json");
    }
}
