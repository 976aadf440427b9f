using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Canteen.Core.Shared;
using Canteen.Engine.Payments;

namespace Canteen.Payments.Alipay;

/// <summary>
/// Verifies and decodes Alipay's async notify (异步通知). The signature covers the URL-decoded fields except
/// <c>sign</c> and <c>sign_type</c>; on top of it the notify must be for our app (and seller, when configured) and
/// recent, so a notify captured once cannot be replayed later. Every failure is a <see cref="CallbackRejectedException"/>.
/// </summary>
internal sealed class AlipayNotifyVerifier
{
    // Alipay resends a notify (over about a day) until the answer body is exactly this text.
    private static readonly CallbackAcknowledgement Acknowledgement = new(200, "text/plain", "success");

    private readonly AlipayOptions _options;
    private readonly AlipayKeys _keys;
    private readonly TimeProvider _time;

    public AlipayNotifyVerifier(AlipayOptions options, AlipayKeys keys, TimeProvider time)
    {
        _options = options;
        _keys = keys;
        _time = time;
    }

    public ProviderCallback Verify(ProviderCallbackRequest request)
    {
        if (request.ContentType is { } contentType
            && (!MediaTypeHeaderValue.TryParse(contentType, out var media)
                || !string.Equals(media.MediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)))
        {
            throw Reject($"content type '{contentType}' is not a form");
        }

        if (!AlipayForm.TryParse(request.Body, out var fields))
        {
            throw Reject("the body is not a well-formed form");
        }

        if (!fields.Remove("sign", out var sign) || sign.Length == 0)
        {
            throw Reject("it has no sign");
        }

        if (fields.Remove("sign_type", out var signType) && signType != "RSA2")
        {
            throw Reject($"sign_type '{signType}' is not RSA2");
        }

        if (fields.TryGetValue("charset", out var charset) && !string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw Reject($"charset '{charset}' is not utf-8");
        }

        if (!_keys.Verify(Encoding.UTF8.GetBytes(AlipaySignContent.Build(fields)), sign))
        {
            throw Reject("the signature does not verify against the Alipay public key");
        }

        CheckOrigin(fields);
        return Decode(fields);
    }

    private void CheckOrigin(Dictionary<string, string> fields)
    {
        if (Field(fields, "app_id") != _options.AppId)
        {
            throw Reject("it is for another app_id");
        }

        if (!string.IsNullOrWhiteSpace(_options.SellerId) && Field(fields, "seller_id") != _options.SellerId)
        {
            throw Reject("it is for another seller_id");
        }

        if (!AlipayTime.TryParse(Field(fields, "notify_time"), out var sentAt))
        {
            throw Reject("notify_time is missing or malformed");
        }

        if ((_time.GetUtcNow() - sentAt).Duration() > _options.NotifyWindow)
        {
            throw Reject($"notify_time {fields["notify_time"]} is outside the {_options.NotifyWindow} window");
        }
    }

    private static ProviderCallback Decode(Dictionary<string, string> fields)
    {
        if (!long.TryParse(Field(fields, "out_trade_no"), NumberStyles.None, CultureInfo.InvariantCulture, out var paymentId) || paymentId <= 0)
        {
            throw Reject("out_trade_no is missing or not one of our payment ids");
        }

        var tradeNo = Field(fields, "trade_no") ?? throw Reject("trade_no is missing");
        var total = Amount(fields, "total_amount") ?? throw Reject("total_amount is missing");
        if (!AlipayTradeStatus.TryMap(Field(fields, "trade_status"), out var status))
        {
            throw Reject($"trade_status '{Field(fields, "trade_status")}' is missing or unknown");
        }

        // A refund is announced on the trade's own notify, with the trade's status (TRADE_SUCCESS after a partial
        // refund, TRADE_CLOSED after a full one) plus refund_fee and gmt_refund; Alipay only sends it once refunded.
        var refundFee = Amount(fields, "refund_fee");
        if (refundFee is not null || Field(fields, "gmt_refund") is not null)
        {
            return new ProviderCallback(
                paymentId, new ProviderPaymentState(ProviderPaymentStatus.Succeeded, tradeNo, total), Acknowledgement, ProviderCallbackKind.Refund);
        }

        var amountPaid = status == ProviderPaymentStatus.Succeeded ? total : (Money?)null;
        return new ProviderCallback(paymentId, new ProviderPaymentState(status, tradeNo, amountPaid), Acknowledgement);
    }

    private static Money? Amount(Dictionary<string, string> fields, string name)
    {
        if (Field(fields, name) is not { } text)
        {
            return null;
        }

        return AlipayAmount.TryParse(text, out var amount) ? amount : throw Reject($"{name} '{text}' is not an amount");
    }

    private static string? Field(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    private static CallbackRejectedException Reject(string why) => new($"Alipay notify rejected: {why}.");
}
