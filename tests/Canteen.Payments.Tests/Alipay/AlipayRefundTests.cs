using Canteen.Engine.Payments;

namespace Canteen.Payments.Tests.Alipay;

public sealed class AlipayRefundTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static ProviderRefundRequest Refund(long paymentId, string refundId, long fen = 1250) =>
        new(paymentId, refundId, null, AlipayHarness.Fen(fen), AlipayHarness.Fen(1250), "Order cancelled");

    [Fact]
    public async Task RefundAsync_PaidTrade_SucceededWithSignedRequest()
    {
        await using var h = await AlipayHarness.StartAsync();
        h.Server.AddTrade(61, "12.50", "TRADE_SUCCESS");

        var status = await h.Provider.RefundAsync(Refund(61, "r-61-1", fen: 500), Token);

        Assert.Equal(ProviderRefundStatus.Succeeded, status);
        var request = Assert.Single(h.Server.Requests);
        Assert.True(request.SignatureValid);
        Assert.Equal("alipay.trade.refund", request.Method);
        Assert.Equal("61", request.Biz("out_trade_no"));
        Assert.Equal("5.00", request.Biz("refund_amount"));
        Assert.Equal("r-61-1", request.Biz("out_request_no"));
        Assert.Equal("Order cancelled", request.Biz("refund_reason"));
    }

    [Fact]
    public async Task RefundAsync_Repeated_RefundsOnceAndStillSucceeds()
    {
        await using var h = await AlipayHarness.StartAsync();
        h.Server.AddTrade(62, "12.50", "TRADE_SUCCESS");

        var first = await h.Provider.RefundAsync(Refund(62, "r-62"), Token);
        var second = await h.Provider.RefundAsync(Refund(62, "r-62"), Token);

        Assert.Equal(ProviderRefundStatus.Succeeded, first);
        Assert.Equal(ProviderRefundStatus.Succeeded, second);
        Assert.Equal(1, h.Server.RefundCount);

        // The repeat moved no money (fund_change N), so the provider asked the refund query.
        Assert.Equal("alipay.trade.fastpay.refund.query", h.Server.Requests[^1].Method);
        Assert.Equal("r-62", h.Server.Requests[^1].Biz("out_request_no"));
    }

    [Fact]
    public async Task RefundAsync_NotSettledYet_Processing()
    {
        await using var h = await AlipayHarness.StartAsync();
        h.Server.AddTrade(63, "12.50", "TRADE_SUCCESS");
        h.Server.RefundsSettleImmediately = false;

        var status = await h.Provider.RefundAsync(Refund(63, "r-63"), Token);

        Assert.Equal(ProviderRefundStatus.Processing, status);
    }

    [Fact]
    public async Task RefundAsync_MoreThanCaptured_NonTransientWithSubCode()
    {
        await using var h = await AlipayHarness.StartAsync();
        h.Server.AddTrade(64, "12.50", "TRADE_SUCCESS");

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => h.Provider.RefundAsync(Refund(64, "r-64", fen: 1251), Token));

        Assert.False(ex.Transient);
        Assert.Equal("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", ex.Code);
        Assert.Equal(0, h.Server.RefundCount);
    }
}
