using System.Globalization;
using System.Text.Json;
using Canteen.Core.Shared;
using Canteen.Engine.Payments;

namespace Canteen.Payments.WeChatPay;

/// <summary>
/// WeChat Pay API v3 (DESIGN §7): Native (a QR code the guest scans) and JSAPI (paying inside WeChat) payments,
/// keyed by our payment id as <c>out_trade_no</c> and our refund id as <c>out_refund_no</c>, which is what makes every
/// call safe to repeat.
/// </summary>
public sealed class WeChatPayProvider : IPaymentProvider
{
    public const string ProviderName = "wechatpay";
    internal const string Currency = "CNY";

    private readonly WeChatPayCredentials _credentials;
    private readonly WeChatPayApiClient _api;
    private readonly WeChatPayCallbackReader _callbacks;
    private readonly TimeProvider _timeProvider;

    /// <summary>Checks the options (throwing naming what is missing) and parses the keys.</summary>
    /// <param name="httpClient">The client calls go through; its handler decides connection pooling and proxies.</param>
    /// <param name="options">The merchant account and keys.</param>
    /// <param name="timeProvider">The clock for request timestamps, the verification window and timeouts.</param>
    public WeChatPayProvider(HttpClient httpClient, WeChatPayOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _credentials = WeChatPayCredentials.Load(options);
        _timeProvider = timeProvider;
        var verifier = new WeChatPaySignatureVerifier(_credentials, timeProvider);
        _api = new WeChatPayApiClient(httpClient, _credentials, verifier, timeProvider);
        _callbacks = new WeChatPayCallbackReader(_credentials, verifier);
    }

    public string Name => ProviderName;

    public IReadOnlyList<string> Methods { get; } = ["native", "jsapi"];

    public async Task<ProviderPayment> CreateAsync(ProviderPaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var jsapi = request.Method switch
        {
            null or "native" => false,
            "jsapi" => true,
            _ => throw WeChatPayApiClient.Failure("method_unsupported", $"no payment method '{request.Method}'", transient: false),
        };
        if (jsapi && string.IsNullOrWhiteSpace(request.PayerId))
        {
            throw WeChatPayApiClient.Failure("payer_required", "a JSAPI payment needs the payer's openid", transient: false);
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(
            new TransactionRequest(
                _credentials.AppId,
                _credentials.MchId,
                request.Description,
                TradeNo(request.PaymentId),
                // WeChat reads time_expire as RFC 3339; Beijing time is what its own examples and dashboards show.
                request.ExpiresAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                _credentials.NotifyUrl,
                new TransactionAmount(Fen(request.Amount), Currency),
                jsapi ? new TransactionPayer(request.PayerId!) : null),
            WeChatPayJsonContext.Default.TransactionRequest);
        var path = jsapi ? "/v3/pay/transactions/jsapi" : "/v3/pay/transactions/native";
        var prepay = await _api.SendAsync(HttpMethod.Post, path, body, WeChatPayJsonContext.Default.PrepayResponse, cancellationToken);
        if (!jsapi)
        {
            return new ProviderPayment(null, null, prepay.CodeUrl ?? throw Malformed("code_url"));
        }

        var prepayId = prepay.PrepayId ?? throw Malformed("prepay_id");
        return new ProviderPayment(prepayId, null, null, JsapiParameters(prepayId));
    }

    public async Task<ProviderPaymentState> QueryAsync(ProviderPaymentReference payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var path = $"/v3/pay/transactions/out-trade-no/{TradeNo(payment.PaymentId)}?mchid={Uri.EscapeDataString(_credentials.MchId)}";
        try
        {
            var transaction = await _api.SendAsync(
                HttpMethod.Get, path, null, WeChatPayJsonContext.Default.TransactionResource, cancellationToken);
            return WeChatPayTradeStates.Map(transaction);
        }
        catch (PaymentProviderException ex) when (ex.Code is "ORDER_NOT_EXIST" or "ORDERNOTEXIST")
        {
            return new ProviderPaymentState(ProviderPaymentStatus.NotFound);
        }
    }

    public async Task<ProviderPaymentState> CloseAsync(ProviderPaymentReference payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        // Ask first: closing a paid order fails anyway, and a paid one must come back as Succeeded, not Closed.
        var state = await QueryAsync(payment, cancellationToken);
        if (state.Status is ProviderPaymentStatus.Succeeded or ProviderPaymentStatus.Closed)
        {
            return state;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new CloseRequest(_credentials.MchId), WeChatPayJsonContext.Default.CloseRequest);
        try
        {
            await _api.SendAsync(HttpMethod.Post, $"/v3/pay/transactions/out-trade-no/{TradeNo(payment.PaymentId)}/close", body, cancellationToken);
        }
        catch (PaymentProviderException ex) when (ex.Code == "ORDERPAID")
        {
            // Paid between our query and the close: report the payment as it now stands.
            return await QueryAsync(payment, cancellationToken);
        }
        catch (PaymentProviderException ex) when (ex.Code is "ORDER_NOT_EXIST" or "ORDERNOTEXIST")
        {
            // Never created there, so nothing can be paid; time_expire covers a create still in flight.
        }

        return new ProviderPaymentState(ProviderPaymentStatus.Closed);
    }

    public async Task<ProviderRefundStatus> RefundAsync(ProviderRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new RefundRequest(
                TradeNo(request.PaymentId),
                request.RefundId,
                request.Reason,
                _credentials.NotifyUrl,
                new RefundAmount(Fen(request.Amount), Fen(request.Total), Currency)),
            WeChatPayJsonContext.Default.RefundRequest);
        // WeChat answers a repeated out_refund_no with the refund it already has, so a retry never pays out twice.
        var refund = await _api.SendAsync(
            HttpMethod.Post, "/v3/refund/domestic/refunds", body, WeChatPayJsonContext.Default.RefundResponse, cancellationToken);
        return refund.Status switch
        {
            "SUCCESS" => ProviderRefundStatus.Succeeded,
            "PROCESSING" => ProviderRefundStatus.Processing,
            var status => throw WeChatPayApiClient.Failure(
                status ?? "refund_status_missing", $"refund {request.RefundId} is {status ?? "without a status"}", transient: false),
        };
    }

    public ProviderCallback VerifyCallback(ProviderCallbackRequest request) => _callbacks.Read(request);

    internal static string TradeNo(long paymentId) => paymentId.ToString(CultureInfo.InvariantCulture);

    private Dictionary<string, string> JsapiParameters(string prepayId)
    {
        var timestamp = WeChatPayMessages.UnixSeconds(_timeProvider);
        var nonce = WeChatPayMessages.NewNonce();
        var package = "prepay_id=" + prepayId;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["appId"] = _credentials.AppId,
            ["timeStamp"] = timestamp,
            ["nonceStr"] = nonce,
            ["package"] = package,
            ["signType"] = "RSA",
            ["paySign"] = _credentials.Sign(WeChatPayMessages.Jsapi(_credentials.AppId, timestamp, nonce, package)),
        };
    }

    private static long Fen(Money amount) =>
        amount.Currency == Currency
            ? amount.Minor
            : throw WeChatPayApiClient.Failure("currency_unsupported", $"WeChat Pay charges CNY, not {amount.Currency}", transient: false);

    private static PaymentProviderException Malformed(string field) =>
        WeChatPayApiClient.Failure("response_malformed", $"the answer has no {field}", transient: false);
}
