using System.Globalization;
using Canteen.Engine.Payments;

namespace Canteen.Payments.Alipay;

/// <summary>
/// Builds biz_content from our requests, refusing up front what Alipay would refuse (another currency, a zero
/// amount) and cleaning what it would choke on (characters and lengths it does not accept in a subject or reason).
/// </summary>
internal static class AlipayContents
{
    // Alipay refuses a subject with these characters and caps subject and refund reason at 256 characters.
    private const int MaxTextLength = 256;
    private static readonly char[] SubjectForbidden = ['/', '=', '&'];

    public static AlipayPrecreateContent Precreate(ProviderPaymentRequest request, string? sellerId)
    {
        EnsurePayable(request.Amount.Currency, request.Amount.Minor);
        return new AlipayPrecreateContent(
            TradeNo(request.PaymentId),
            AlipayAmount.Format(request.Amount.Minor),
            Subject(request),
            AlipayTime.Format(request.ExpiresAt),
            string.IsNullOrWhiteSpace(sellerId) ? null : sellerId);
    }

    public static AlipayTradeContent Trade(long paymentId) => new(TradeNo(paymentId));

    public static AlipayRefundContent Refund(ProviderRefundRequest request)
    {
        EnsurePayable(request.Amount.Currency, request.Amount.Minor);
        return new AlipayRefundContent(
            TradeNo(request.PaymentId), AlipayAmount.Format(request.Amount.Minor), request.RefundId, Truncate(request.Reason));
    }

    private static string TradeNo(long paymentId) => paymentId.ToString(CultureInfo.InvariantCulture);

    private static void EnsurePayable(string currency, long minor)
    {
        if (currency != AlipayAmount.Currency)
        {
            throw AlipayErrors.Unsupported("unsupported_currency", $"Alipay face-to-face payments are in CNY, not {currency}.");
        }

        if (minor <= 0)
        {
            throw AlipayErrors.Unsupported("invalid_amount", "An Alipay amount must be at least 0.01 CNY.");
        }
    }

    private static string Subject(ProviderPaymentRequest request)
    {
        var subject = string.Join(' ', request.Description.Split(SubjectForbidden, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return Truncate(subject.Length > 0 ? subject : $"Order {request.OrderId}")!;
    }

    private static string? Truncate(string? text)
    {
        if (text is not { Length: > MaxTextLength })
        {
            return text;
        }

        // Never cut a surrogate pair in half: the lone half would not encode as UTF-8.
        var length = char.IsHighSurrogate(text[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength;
        return text[..length];
    }
}
