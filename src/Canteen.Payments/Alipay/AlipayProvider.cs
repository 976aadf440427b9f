using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Canteen.Engine.Errors;
using Canteen.Engine.Payments;

namespace Canteen.Payments.Alipay;

/// <summary>
/// Alipay face-to-face payment (当面付) over the OpenAPI gateway with RSA2: the guest scans a QR code from
/// <c>alipay.trade.precreate</c>. Our payment id is the <c>out_trade_no</c> and our refund id the <c>out_request_no</c>,
/// which makes every call idempotent at Alipay.
/// </summary>
public sealed class AlipayProvider : IPaymentProvider
{
    public const string ProviderName = "alipay";

    /// <summary>The name of the <see cref="HttpClient"/> registered by <see cref="AlipayServiceCollectionExtensions.AddAlipay"/>.</summary>
    public const string HttpClientName = "Canteen.Payments.Alipay";

    private const string TradeNotExist = "ACQ.TRADE_NOT_EXIST";
    private const string TradeStatusError = "ACQ.TRADE_STATUS_ERROR";
    private static readonly string[] SupportedMethods = ["qr"];

    private readonly AlipayOptions _options;
    private readonly AlipayGateway _gateway;
    private readonly AlipayNotifyVerifier _notifies;

    /// <summary>Creates the provider; throws <see cref="InvalidConfigurationException"/> naming any missing or invalid setting.</summary>
    public AlipayProvider(HttpClient http, AlipayOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(time);
        AlipayOptionsValidator.ThrowIfInvalid(options);
        _options = options;
        var keys = AlipayKeys.Load(options);
        _gateway = new AlipayGateway(http, options, keys, time);
        _notifies = new AlipayNotifyVerifier(options, keys, time);
    }

    public string Name => ProviderName;

    public IReadOnlyList<string> Methods => SupportedMethods;

    public async Task<ProviderPayment> CreateAsync(ProviderPaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method is not null && !SupportedMethods.Contains(request.Method, StringComparer.Ordinal))
        {
            throw AlipayErrors.Unsupported("unsupported_method", $"Alipay has no payment method '{request.Method}'; it offers qr.");
        }

        var content = AlipayContents.Precreate(request, _options.SellerId);
        var response = await CallAsync("alipay.trade.precreate", content, AlipayJsonContext.Default.AlipayPrecreateContent, cancellationToken);
        return new ProviderPayment(null, null, response.EnsureSuccess().Require("qr_code"));
    }

    public async Task<ProviderPaymentState> QueryAsync(ProviderPaymentReference payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var response = await CallAsync(
            "alipay.trade.query", AlipayContents.Trade(payment.PaymentId), AlipayJsonContext.Default.AlipayTradeContent, cancellationToken);

        // A precreated trade exists at Alipay only once the guest scans the code; until then it "does not exist".
        if (response.HasSubCode(TradeNotExist))
        {
            return new ProviderPaymentState(ProviderPaymentStatus.NotFound);
        }

        response.EnsureSuccess();
        var tradeStatus = response.Get("trade_status");
        if (!AlipayTradeStatus.TryMap(tradeStatus, out var status))
        {
            throw AlipayErrors.InvalidResponse(response.Method, $"unknown trade_status '{tradeStatus}'");
        }

        if (status != ProviderPaymentStatus.Succeeded)
        {
            return new ProviderPaymentState(status, response.Get("trade_no"));
        }

        var total = response.Require("total_amount");
        return AlipayAmount.TryParse(total, out var paid)
            ? new ProviderPaymentState(status, response.Require("trade_no"), paid)
            : throw AlipayErrors.InvalidResponse(response.Method, $"total_amount '{total}' is not an amount");
    }

    public async Task<ProviderPaymentState> CloseAsync(ProviderPaymentReference payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var before = await QueryAsync(payment, cancellationToken);
        if (before.Status is ProviderPaymentStatus.Succeeded or ProviderPaymentStatus.Closed)
        {
            return before;
        }

        var response = await CallAsync(
            "alipay.trade.close", AlipayContents.Trade(payment.PaymentId), AlipayJsonContext.Default.AlipayTradeContent, cancellationToken);

        // Not created at Alipay: nobody scanned the code. The code itself stays scannable until time_expire (the
        // order's deadline); a payment made through it after all arrives as a notify and is refunded by the saga.
        if (response.IsSuccess || response.HasSubCode(TradeNotExist))
        {
            return new ProviderPaymentState(ProviderPaymentStatus.Closed, response.Get("trade_no"));
        }

        // The trade moved under us (paid or closed between the query and the close): its state now is the answer.
        if (response.HasSubCode(TradeStatusError))
        {
            var after = await QueryAsync(payment, cancellationToken);
            return after.Status switch
            {
                ProviderPaymentStatus.Succeeded or ProviderPaymentStatus.Closed => after,
                ProviderPaymentStatus.NotFound => new ProviderPaymentState(ProviderPaymentStatus.Closed),
                _ => throw new PaymentProviderException(
                    ProviderName, TradeStatusError, $"Alipay refused to close payment {payment.PaymentId}, which is still {after.Status}.", transient: true),
            };
        }

        throw response.ToException();
    }

    public async Task<ProviderRefundStatus> RefundAsync(ProviderRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var refund = AlipayContents.Refund(request);
        var response = await CallAsync("alipay.trade.refund", refund, AlipayJsonContext.Default.AlipayRefundContent, cancellationToken);
        if (response.EnsureSuccess().Get("fund_change") == "Y")
        {
            return ProviderRefundStatus.Succeeded;
        }

        // "N" means this call moved no money: either the refund is still in flight, or this is a repeat of a refund
        // that already went through. Only the refund query tells the two apart.
        var query = await CallAsync(
            "alipay.trade.fastpay.refund.query",
            new AlipayRefundQueryContent(refund.OutTradeNo, refund.OutRequestNo),
            AlipayJsonContext.Default.AlipayRefundQueryContent,
            cancellationToken);
        return query.EnsureSuccess().Get("refund_status") == "REFUND_SUCCESS" ? ProviderRefundStatus.Succeeded : ProviderRefundStatus.Processing;
    }

    public ProviderCallback VerifyCallback(ProviderCallbackRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _notifies.Verify(request);
    }

    private Task<AlipayResponse> CallAsync<T>(string method, T content, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        // Alipay posts notifies to the notify_url of the call that changed the trade: precreate (payment) and refund.
        var withNotifyUrl = method is "alipay.trade.precreate" or "alipay.trade.refund";
        return _gateway.CallAsync(method, JsonSerializer.Serialize(content, typeInfo), withNotifyUrl, cancellationToken);
    }
}
