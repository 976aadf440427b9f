using Canteen.Engine.Payments;

namespace Canteen.Payments.Tests.Alipay;

public sealed class AlipayProviderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_ValidRequest_ReturnsQrCodeFromCorrectlySignedPrecreate()
    {
        await using var h = await AlipayHarness.StartAsync();

        var payment = await h.Provider.CreateAsync(AlipayHarness.Payment(4242, fen: 1250), Token);

        Assert.StartsWith("https://qr.alipay.com/", payment.CodeUrl, StringComparison.Ordinal);
        Assert.Null(payment.PayUrl);
        var request = Assert.Single(h.Server.Requests);
        Assert.True(request.SignatureValid);
        Assert.Equal("alipay.trade.precreate", request.Method);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.ContentType);
        Assert.Equal(AlipayHarness.AppId, request.Parameter("app_id"));
        Assert.Equal("RSA2", request.Parameter("sign_type"));
        Assert.Equal("2025-03-01 12:00:00", request.Parameter("timestamp"));
        Assert.Equal(h.Options.NotifyUrl!.AbsoluteUri, request.Parameter("notify_url"));
        Assert.Equal("4242", request.Biz("out_trade_no"));
        Assert.Equal("12.50", request.Biz("total_amount"));
        Assert.Equal("午餐 Lunch", request.Biz("subject"));
        Assert.Equal("2025-03-01 12:15:00", request.Biz("time_expire"));
    }

    [Theory]
    [InlineData(1, "0.01")]
    [InlineData(100, "1.00")]
    [InlineData(123456789, "1234567.89")]
    public async Task CreateAsync_Amount_SentAsYuanWithTwoDecimals(long fen, string yuan)
    {
        await using var h = await AlipayHarness.StartAsync();

        await h.Provider.CreateAsync(AlipayHarness.Payment(7, fen), Token);

        Assert.Equal(yuan, Assert.Single(h.Server.Requests).Biz("total_amount"));
    }

    [Fact]
    public async Task CreateAsync_UnknownMethod_ThrowsNonTransientWithoutCalling()
    {
        await using var h = await AlipayHarness.StartAsync();

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(
            () => h.Provider.CreateAsync(AlipayHarness.Payment(7) with { Method = "jsapi" }, Token));

        Assert.False(ex.Transient);
        Assert.Empty(h.Server.Requests);
    }

    [Theory]
    [InlineData("WAIT_BUYER_PAY", ProviderPaymentStatus.Pending)]
    [InlineData("TRADE_SUCCESS", ProviderPaymentStatus.Succeeded)]
    [InlineData("TRADE_FINISHED", ProviderPaymentStatus.Succeeded)]
    [InlineData("TRADE_CLOSED", ProviderPaymentStatus.Closed)]
    public async Task QueryAsync_TradeStatus_Mapped(string tradeStatus, ProviderPaymentStatus expected)
    {
        await using var h = await AlipayHarness.StartAsync();
        h.Server.AddTrade(31, "12.50", tradeStatus);

        var state = await h.Provider.QueryAsync(AlipayHarness.Reference(31), Token);

        Assert.Equal(expected, state.Status);
        if (expected == ProviderPaymentStatus.Succeeded)
        {
            Assert.StartsWith("2025030122001", state.ProviderReference, StringComparison.Ordinal);
            Assert.Equal(AlipayHarness.Fen(1250), state.AmountPaid);
        }
    }

    [Fact]
    public async Task QueryAsync_TradeNotExist_NotFound()
    {
        await using var h = await AlipayHarness.StartAsync();

        var state = await h.Provider.QueryAsync(AlipayHarness.Reference(404), Token);

        Assert.Equal(ProviderPaymentStatus.NotFound, state.Status);
    }

    [Fact]
    public async Task CloseAsync_Unpaid_ClosesAtAlipay()
    {
        await using var h = await AlipayHarness.StartAsync();
        await h.Provider.CreateAsync(AlipayHarness.Payment(51), Token);

        var state = await h.Provider.CloseAsync(AlipayHarness.Reference(51), Token);

        Assert.Equal(ProviderPaymentStatus.Closed, state.Status);
        Assert.Equal("TRADE_CLOSED", h.Server.TradeStatus(51));
    }

    [Fact]
    public async Task CloseAsync_Paid_ReturnsSucceededWithoutClosing()
    {
        await using var h = await AlipayHarness.StartAsync();
        h.Server.AddTrade(52, "12.50", "TRADE_SUCCESS");

        var state = await h.Provider.CloseAsync(AlipayHarness.Reference(52), Token);

        Assert.Equal(ProviderPaymentStatus.Succeeded, state.Status);
        Assert.Equal(AlipayHarness.Fen(1250), state.AmountPaid);
        Assert.DoesNotContain(h.Server.Requests, r => r.Method == "alipay.trade.close");
    }

    [Fact]
    public async Task CloseAsync_NeverCreatedAtAlipay_Closed()
    {
        await using var h = await AlipayHarness.StartAsync();

        var state = await h.Provider.CloseAsync(AlipayHarness.Reference(53), Token);

        Assert.Equal(ProviderPaymentStatus.Closed, state.Status);
        Assert.Contains(h.Server.Requests, r => r.Method == "alipay.trade.close");
    }

    [Fact]
    public async Task CloseAsync_PaidBetweenQueryAndClose_ReturnsSucceeded()
    {
        await using var h = await AlipayHarness.StartAsync();
        h.Server.AddTrade(54, "12.50");
        h.Server.BeforeHandling = method =>
        {
            if (method == "alipay.trade.close")
            {
                h.Server.MarkPaid(54);
            }
        };

        var state = await h.Provider.CloseAsync(AlipayHarness.Reference(54), Token);

        Assert.Equal(ProviderPaymentStatus.Succeeded, state.Status);
        Assert.Equal(["alipay.trade.query", "alipay.trade.close", "alipay.trade.query"], h.Server.Requests.Select(r => r.Method));
    }
}
