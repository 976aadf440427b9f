using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Canteen.Core.Shared;
using Canteen.Engine.Payments;

namespace Canteen.Payments.Tests.WeChatPay;

public sealed class WeChatPayProviderCreateTests : WeChatPayTestBase
{
    [Fact]
    public async Task CreateAsync_Native_ReturnsCodeUrlFromASignedRequest()
    {
        var id = NewPaymentId();

        var payment = await Provider.CreateAsync(PaymentRequest(id), Cancel);

        Assert.Equal("weixin://wxpay/bizpayurl?pr=" + id, payment.CodeUrl);
        Assert.Null(payment.PayUrl);
        var request = Assert.Single(Fake.Requests);
        Assert.True(request.SignatureVerified);
        Assert.Equal(("POST", "/v3/pay/transactions/native"), (request.Method, request.Target));
        Assert.Equal("application/json", request.Accept);
        Assert.False(string.IsNullOrEmpty(request.UserAgent));
        var body = request.Body!;
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), (string?)body["out_trade_no"]);
        Assert.Equal(2350, body["amount"]!["total"]!.GetValue<long>());
        Assert.Equal("CNY", (string?)body["amount"]!["currency"]);
        Assert.Equal("https://canteen.example/api/v1/payments/callbacks/wechatpay", (string?)body["notify_url"]);
        Assert.Equal(Merchant.AppId, (string?)body["appid"]);
        Assert.Equal(Merchant.MchId, (string?)body["mchid"]);
        Assert.Equal("Canteen order 42", (string?)body["description"]);
        // 04:15 UTC is 12:15 in Beijing.
        Assert.Equal("2025-06-01T12:15:00+08:00", (string?)body["time_expire"]);
        Assert.Null(body["payer"]);
    }

    [Fact]
    public async Task CreateAsync_Jsapi_ReturnsClientParametersSignedWithTheMerchantKey()
    {
        var id = NewPaymentId();

        var payment = await Provider.CreateAsync(PaymentRequest(id, "jsapi", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"), Cancel);

        Assert.Equal("wx" + id, payment.ProviderReference);
        Assert.Null(payment.CodeUrl);
        var p = payment.ClientParameters!;
        Assert.Equal(Merchant.AppId, p["appId"]);
        Assert.Equal("prepay_id=wx" + id, p["package"]);
        Assert.Equal("RSA", p["signType"]);
        Assert.Equal(Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), p["timeStamp"]);
        using var merchantKey = RSA.Create();
        merchantKey.ImportFromPem(Merchant.Key.PublicPem);
        var message = Encoding.UTF8.GetBytes($"{p["appId"]}\n{p["timeStamp"]}\n{p["nonceStr"]}\n{p["package"]}\n");
        Assert.True(merchantKey.VerifyData(message, Convert.FromBase64String(p["paySign"]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var request = Assert.Single(Fake.Requests);
        Assert.Equal("/v3/pay/transactions/jsapi", request.Target);
        Assert.Equal("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", (string?)request.Body!["payer"]!["openid"]);
    }

    [Fact]
    public async Task CreateAsync_JsapiWithoutPayer_ThrowsNonTransientWithoutCalling()
    {
        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => Provider.CreateAsync(PaymentRequest(NewPaymentId(), "jsapi"), Cancel));

        Assert.Equal(("wechatpay", "payer_required", false), (ex.Provider, ex.Code, ex.Transient));
        Assert.Empty(Fake.Requests);
    }

    [Fact]
    public async Task CreateAsync_UnknownMethod_ThrowsNonTransient()
    {
        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => Provider.CreateAsync(PaymentRequest(NewPaymentId(), "qr"), Cancel));

        Assert.Equal(("method_unsupported", false), (ex.Code, ex.Transient));
    }

    [Fact]
    public async Task CreateAsync_NotCny_ThrowsNonTransient()
    {
        var request = PaymentRequest(NewPaymentId()) with { Amount = new Money(100, "USD") };

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => Provider.CreateAsync(request, Cancel));

        Assert.Equal(("currency_unsupported", false), (ex.Code, ex.Transient));
        Assert.Empty(Fake.Requests);
    }

    [Fact]
    public void Provider_DescribesItself()
    {
        Assert.Equal("wechatpay", Provider.Name);
        Assert.Equal(["native", "jsapi"], Provider.Methods);
    }
}
