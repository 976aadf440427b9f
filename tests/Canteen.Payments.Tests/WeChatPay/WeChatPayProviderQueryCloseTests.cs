using System.Globalization;
using Canteen.Core.Shared;
using Canteen.Engine.Payments;

namespace Canteen.Payments.Tests.WeChatPay;

public sealed class WeChatPayProviderQueryCloseTests : WeChatPayTestBase
{
    [Theory]
    [InlineData("NOTPAY", ProviderPaymentStatus.Pending)]
    [InlineData("USERPAYING", ProviderPaymentStatus.Pending)]
    [InlineData("CLOSED", ProviderPaymentStatus.Closed)]
    [InlineData("REVOKED", ProviderPaymentStatus.Closed)]
    [InlineData("PAYERROR", ProviderPaymentStatus.Failed)]
    public async Task QueryAsync_UnpaidTradeState_MapsWithoutReference(string tradeState, ProviderPaymentStatus expected)
    {
        var id = await CreatedPaymentAsync();
        Fake.SetTradeState(id, tradeState);

        var state = await Provider.QueryAsync(Reference(id), Cancel);

        Assert.Equal(new ProviderPaymentState(expected), state);
    }

    [Theory]
    [InlineData("SUCCESS")]
    [InlineData("REFUND")]
    public async Task QueryAsync_CapturedTradeState_SucceededWithTransactionAndAmount(string tradeState)
    {
        var id = await CreatedPaymentAsync(fen: 1999);
        Fake.SetTradeState(id, tradeState);

        var state = await Provider.QueryAsync(Reference(id, 1999), Cancel);

        Assert.Equal(new ProviderPaymentState(ProviderPaymentStatus.Succeeded, "42000" + id, new Money(1999, "CNY")), state);
    }

    [Fact]
    public async Task QueryAsync_SignsThePathWithItsQueryString()
    {
        var id = await CreatedPaymentAsync();

        await Provider.QueryAsync(Reference(id), Cancel);

        var query = Fake.Requests.Last();
        Assert.True(query.SignatureVerified);
        Assert.Equal(("GET", $"/v3/pay/transactions/out-trade-no/{id}?mchid={Merchant.MchId}"), (query.Method, query.Target));
        Assert.Null(query.Body);
    }

    [Fact]
    public async Task QueryAsync_UnknownTrade_NotFound()
    {
        var state = await Provider.QueryAsync(Reference(NewPaymentId()), Cancel);

        Assert.Equal(ProviderPaymentStatus.NotFound, state.Status);
    }

    [Fact]
    public async Task CloseAsync_Unpaid_ClosesAtWeChat()
    {
        var id = await CreatedPaymentAsync();

        var state = await Provider.CloseAsync(Reference(id), Cancel);

        Assert.Equal(ProviderPaymentStatus.Closed, state.Status);
        Assert.Equal("CLOSED", Fake.Trade(id).TradeState);
        var close = Fake.Requests.Last();
        Assert.Equal(("POST", $"/v3/pay/transactions/out-trade-no/{id}/close"), (close.Method, close.Target));
        Assert.Equal(Merchant.MchId, (string?)close.Body!["mchid"]);
    }

    [Fact]
    public async Task CloseAsync_Paid_SucceededWithoutClosing()
    {
        var id = await PaidPaymentAsync();

        var state = await Provider.CloseAsync(Reference(id), Cancel);

        Assert.Equal(new ProviderPaymentState(ProviderPaymentStatus.Succeeded, "42000" + id, new Money(2350, "CNY")), state);
        Assert.Equal("SUCCESS", Fake.Trade(id).TradeState);
        Assert.DoesNotContain(Fake.Requests, r => r.Target.EndsWith("/close", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CloseAsync_PaidBetweenQueryAndClose_AsksAgainAndReportsSucceeded()
    {
        var id = await CreatedPaymentAsync();
        Fake.PayBeforeClose = true;

        var state = await Provider.CloseAsync(Reference(id), Cancel);

        Assert.Equal(ProviderPaymentStatus.Succeeded, state.Status);
        Assert.Equal("42000" + id, state.ProviderReference);
    }

    [Fact]
    public async Task CloseAsync_UnknownTrade_Closed()
    {
        var state = await Provider.CloseAsync(Reference(NewPaymentId()), Cancel);

        Assert.Equal(ProviderPaymentStatus.Closed, state.Status);
    }

    [Fact]
    public async Task CloseAsync_Twice_StaysClosed()
    {
        var id = await CreatedPaymentAsync();

        await Provider.CloseAsync(Reference(id), Cancel);
        var again = await Provider.CloseAsync(Reference(id), Cancel);

        Assert.Equal(ProviderPaymentStatus.Closed, again.Status);
        Assert.Single(Fake.Requests, r => r.Target.EndsWith("/close", StringComparison.Ordinal));
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), Fake.Trade(id).OutTradeNo);
    }
}
