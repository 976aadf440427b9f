using System.Security.Cryptography;
using System.Text;
using Canteen.Engine.Payments;

namespace Canteen.Payments.Tests.Alipay;

public sealed class AlipayNotifyTests
{
    private const string Form = "application/x-www-form-urlencoded; charset=utf-8";

    private static ProviderCallbackRequest Callback(byte[] body, string? contentType = Form) =>
        new(new Dictionary<string, string>(), body, contentType);

    [Fact]
    public async Task VerifyCallback_PaidNotify_DecodedAndAcknowledgedWithSuccess()
    {
        await using var h = await AlipayHarness.StartAsync();
        h.Server.AddTrade(81, "12.50", "TRADE_SUCCESS");
        var fields = h.Server.NotifyFields(81);

        var callback = h.Provider.VerifyCallback(Callback(h.Server.EncodeNotify(fields)));

        Assert.Equal(81, callback.PaymentId);
        Assert.Equal(ProviderCallbackKind.Payment, callback.Kind);
        Assert.Equal(ProviderPaymentStatus.Succeeded, callback.State.Status);
        Assert.Equal(fields["trade_no"], callback.State.ProviderReference);
        Assert.Equal(AlipayHarness.Fen(1250), callback.State.AmountPaid);
        Assert.Equal(new CallbackAcknowledgement(200, "text/plain", "success"), callback.Acknowledgement);
    }

    [Theory]
    [InlineData("TRADE_FINISHED", ProviderPaymentStatus.Succeeded)]
    [InlineData("TRADE_CLOSED", ProviderPaymentStatus.Closed)]
    [InlineData("WAIT_BUYER_PAY", ProviderPaymentStatus.Pending)]
    public async Task VerifyCallback_TradeStatus_Mapped(string tradeStatus, ProviderPaymentStatus expected)
    {
        await using var h = await AlipayHarness.StartAsync();
        h.Server.AddTrade(82, "12.50", tradeStatus);

        var callback = h.Provider.VerifyCallback(Callback(h.Server.EncodeNotify(h.Server.NotifyFields(82))));

        Assert.Equal(expected, callback.State.Status);
    }

    [Fact]
    public async Task VerifyCallback_RefundNotify_RefundSucceeded()
    {
        await using var h = await AlipayHarness.StartAsync();
        h.Server.AddTrade(83, "12.50", "TRADE_CLOSED");
        var fields = h.Server.NotifyFields(83);
        fields["refund_fee"] = "12.50";
        fields["gmt_refund"] = "2025-03-01 11:59:30.123";
        fields["out_biz_no"] = "r-83";

        var callback = h.Provider.VerifyCallback(Callback(h.Server.EncodeNotify(fields)));

        Assert.Equal(ProviderCallbackKind.Refund, callback.Kind);
        Assert.Equal(ProviderPaymentStatus.Succeeded, callback.State.Status);
        Assert.Equal(83, callback.PaymentId);
    }

    [Fact]
    public async Task VerifyCallback_NotifyTimeWithinWindow_Accepted()
    {
        await using var h = await AlipayHarness.StartAsync();
        h.Server.AddTrade(84, "12.50", "TRADE_SUCCESS");
        var body = h.Server.EncodeNotify(h.Server.NotifyFields(84));
        h.Time.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal(84, h.Provider.VerifyCallback(Callback(body)).PaymentId);
    }

    [Fact]
    public async Task VerifyCallback_AmountTamperedAfterSigning_Rejected()
    {
        await using var h = await AlipayHarness.StartAsync();
        var body = Notify(h, afterSigning: f => f["total_amount"] = "0.01");

        Assert.Throws<CallbackRejectedException>(() => h.Provider.VerifyCallback(Callback(body)));
    }

    [Fact]
    public async Task VerifyCallback_SignedWithAnotherKey_Rejected()
    {
        await using var h = await AlipayHarness.StartAsync();
        using var forger = AlipayTestKeys.CreateOther();
        var body = Notify(h, signWith: forger);

        Assert.Throws<CallbackRejectedException>(() => h.Provider.VerifyCallback(Callback(body)));
    }

    [Fact]
    public async Task VerifyCallback_AnotherAppId_Rejected()
    {
        await using var h = await AlipayHarness.StartAsync();
        var body = Notify(h, f => f["app_id"] = "2021000000000000");

        var ex = Assert.Throws<CallbackRejectedException>(() => h.Provider.VerifyCallback(Callback(body)));
        Assert.Contains("app_id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyCallback_AnotherSeller_RejectedWhenSellerConfigured()
    {
        await using var h = await AlipayHarness.StartAsync(o => o.SellerId = "2088000000000001");
        var body = Notify(h);

        Assert.Throws<CallbackRejectedException>(() => h.Provider.VerifyCallback(Callback(body)));
    }

    [Fact]
    public async Task VerifyCallback_StaleNotifyTime_Rejected()
    {
        await using var h = await AlipayHarness.StartAsync();
        var body = Notify(h);
        h.Time.Advance(TimeSpan.FromMinutes(6));

        var ex = Assert.Throws<CallbackRejectedException>(() => h.Provider.VerifyCallback(Callback(body)));
        Assert.Contains("notify_time", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyCallback_NotifyTimeInTheFuture_Rejected()
    {
        await using var h = await AlipayHarness.StartAsync();
        var body = Notify(h, f => f["notify_time"] = "2025-03-01 12:06:00");

        var ex = Assert.Throws<CallbackRejectedException>(() => h.Provider.VerifyCallback(Callback(body)));
        Assert.Contains("notify_time", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyCallback_NoSign_Rejected()
    {
        await using var h = await AlipayHarness.StartAsync();
        var body = Notify(h, afterSigning: f => f.Remove("sign"));

        Assert.Throws<CallbackRejectedException>(() => h.Provider.VerifyCallback(Callback(body)));
    }

    [Theory]
    [InlineData("out_trade_no", "ORDER-85")]
    [InlineData("out_trade_no", "")]
    [InlineData("total_amount", "12.5.0")]
    [InlineData("total_amount", "12.505")]
    [InlineData("trade_status", "TRADE_PENDING")]
    [InlineData("notify_time", "2025/03/01 12:00")]
    public async Task VerifyCallback_SignedButUnusableField_Rejected(string field, string value)
    {
        await using var h = await AlipayHarness.StartAsync();
        var body = Notify(h, f => f[field] = value);

        Assert.Throws<CallbackRejectedException>(() => h.Provider.VerifyCallback(Callback(body)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a form")]
    [InlineData("a=%zz&b=1")]
    [InlineData("a=%E4&b=1")]
    [InlineData("a=1&a=2")]
    [InlineData("{\"out_trade_no\":\"85\"}")]
    public async Task VerifyCallback_MalformedBody_Rejected(string body)
    {
        await using var h = await AlipayHarness.StartAsync();

        Assert.Throws<CallbackRejectedException>(() => h.Provider.VerifyCallback(Callback(Encoding.UTF8.GetBytes(body))));
    }

    [Fact]
    public async Task VerifyCallback_RepeatedFieldAfterSigning_Rejected()
    {
        await using var h = await AlipayHarness.StartAsync();
        var body = Encoding.UTF8.GetString(Notify(h)) + "&total_amount=0.01";

        Assert.Throws<CallbackRejectedException>(() => h.Provider.VerifyCallback(Callback(Encoding.UTF8.GetBytes(body))));
    }

    [Fact]
    public async Task VerifyCallback_JsonContentType_Rejected()
    {
        await using var h = await AlipayHarness.StartAsync();
        var body = Notify(h);

        Assert.Throws<CallbackRejectedException>(() => h.Provider.VerifyCallback(Callback(body, "application/json")));
    }

    private static byte[] Notify(
        AlipayHarness h,
        Action<Dictionary<string, string>>? change = null,
        RSA? signWith = null,
        Action<Dictionary<string, string>>? afterSigning = null)
    {
        h.Server.AddTrade(85, "12.50", "TRADE_SUCCESS");
        var fields = h.Server.NotifyFields(85);
        change?.Invoke(fields);
        return h.Server.EncodeNotify(fields, signWith, afterSigning);
    }
}
