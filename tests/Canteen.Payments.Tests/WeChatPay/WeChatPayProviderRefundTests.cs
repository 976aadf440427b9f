using System.Globalization;
using Canteen.Core.Shared;
using Canteen.Engine.Payments;

namespace Canteen.Payments.Tests.WeChatPay;

public sealed class WeChatPayProviderRefundTests : WeChatPayTestBase
{
    [Fact]
    public async Task RefundAsync_Paid_SucceededWithTheRequestedAmounts()
    {
        var id = await PaidPaymentAsync();

        var status = await Provider.RefundAsync(Refund(id, "RF-1", 2350), Cancel);

        Assert.Equal(ProviderRefundStatus.Succeeded, status);
        Assert.Equal(1, Fake.RefundCount);
        var request = Fake.Requests.Last();
        Assert.Equal(("POST", "/v3/refund/domestic/refunds"), (request.Method, request.Target));
        var body = request.Body!;
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), (string?)body["out_trade_no"]);
        Assert.Equal("RF-1", (string?)body["out_refund_no"]);
        Assert.Equal("Order cancelled", (string?)body["reason"]);
        Assert.Equal("https://canteen.example/api/v1/payments/callbacks/wechatpay", (string?)body["notify_url"]);
        Assert.Equal(2350, body["amount"]!["refund"]!.GetValue<long>());
        Assert.Equal(2350, body["amount"]!["total"]!.GetValue<long>());
        Assert.Equal("CNY", (string?)body["amount"]!["currency"]);
    }

    [Fact]
    public async Task RefundAsync_RepeatedRefundId_RefundsOnce()
    {
        var id = await PaidPaymentAsync();

        var first = await Provider.RefundAsync(Refund(id, "RF-1", 2350), Cancel);
        var second = await Provider.RefundAsync(Refund(id, "RF-1", 2350), Cancel);

        Assert.Equal((ProviderRefundStatus.Succeeded, ProviderRefundStatus.Succeeded), (first, second));
        Assert.Equal(1, Fake.RefundCount);
        Assert.Single(Fake.Trade(id).Refunds);
    }

    [Fact]
    public async Task RefundAsync_TwoPartialRefunds_BothMoveMoney()
    {
        var id = await PaidPaymentAsync();

        await Provider.RefundAsync(Refund(id, "RF-1", 1000), Cancel);
        await Provider.RefundAsync(Refund(id, "RF-2", 1350), Cancel);

        Assert.Equal(2, Fake.RefundCount);
    }

    [Fact]
    public async Task RefundAsync_Processing_Processing()
    {
        var id = await PaidPaymentAsync();
        Fake.RefundStatus = "PROCESSING";

        var status = await Provider.RefundAsync(Refund(id, "RF-1", 2350), Cancel);

        Assert.Equal(ProviderRefundStatus.Processing, status);
    }

    [Theory]
    [InlineData("ABNORMAL")]
    [InlineData("CLOSED")]
    public async Task RefundAsync_RefundDidNotGoThrough_ThrowsNonTransientWithTheStatus(string refundStatus)
    {
        var id = await PaidPaymentAsync();
        Fake.RefundStatus = refundStatus;

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => Provider.RefundAsync(Refund(id, "RF-1", 2350), Cancel));

        Assert.Equal((refundStatus, false), (ex.Code, ex.Transient));
    }

    [Fact]
    public async Task RefundAsync_MoreThanCaptured_ThrowsNonTransientWithWeChatsCode()
    {
        var id = await PaidPaymentAsync();
        await Provider.RefundAsync(Refund(id, "RF-1", 2000), Cancel);

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => Provider.RefundAsync(Refund(id, "RF-2", 2000), Cancel));

        Assert.Equal(("NOT_ENOUGH", false), (ex.Code, ex.Transient));
        Assert.Equal(1, Fake.RefundCount);
    }

    private static ProviderRefundRequest Refund(long paymentId, string refundId, long fen) =>
        new(paymentId, refundId, null, new Money(fen, "CNY"), new Money(2350, "CNY"), "Order cancelled");
}
