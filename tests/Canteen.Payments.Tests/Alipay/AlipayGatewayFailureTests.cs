using Canteen.Engine.Payments;
using Canteen.Payments.Alipay;

namespace Canteen.Payments.Tests.Alipay;

public sealed class AlipayGatewayFailureTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Call_ResponseSignedOverOtherText_NonTransientSignatureInvalid()
    {
        await using var h = await AlipayHarness.StartAsync();
        h.Server.Fault = FakeAlipayFault.BadSignature;

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => h.Provider.CreateAsync(AlipayHarness.Payment(71), Token));

        Assert.Equal("response_signature_invalid", ex.Code);
        Assert.Equal("alipay", ex.Provider);
        Assert.False(ex.Transient);
    }

    [Fact]
    public async Task Call_ResponseVerifiedWithAnotherAlipayKey_NonTransientSignatureInvalid()
    {
        await using var other = await FakeAlipayServer.StartAsync(AlipayHarness.AppId, AlipayTestKeys.AppPublicPem, TimeProvider.System);
        await using var h = await AlipayHarness.StartAsync(o => o.AlipayPublicKey = other.AlipayPublicKeyPem);

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => h.Provider.QueryAsync(AlipayHarness.Reference(72), Token));

        Assert.Equal("response_signature_invalid", ex.Code);
        Assert.False(ex.Transient);
    }

    [Fact]
    public async Task Call_SuccessWithoutSignature_NonTransientSignatureInvalid()
    {
        await using var h = await AlipayHarness.StartAsync();
        h.Server.Fault = FakeAlipayFault.MissingSignature;

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => h.Provider.CreateAsync(AlipayHarness.Payment(73), Token));

        Assert.Equal("response_signature_invalid", ex.Code);
    }

    [Fact]
    public async Task QueryAsync_UnsignedTradeNotExist_ThrowsInsteadOfNotFound()
    {
        await using var h = await AlipayHarness.StartAsync();
        h.Server.Fault = FakeAlipayFault.MissingSignature;

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => h.Provider.QueryAsync(AlipayHarness.Reference(74), Token));

        Assert.Equal("ACQ.TRADE_NOT_EXIST", ex.Code);
    }

    [Fact]
    public async Task Call_ServiceUnavailable_Transient()
    {
        await using var h = await AlipayHarness.StartAsync();
        h.Server.Fault = FakeAlipayFault.ServiceUnavailable;

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => h.Provider.QueryAsync(AlipayHarness.Reference(75), Token));

        Assert.True(ex.Transient);
        Assert.Equal("isp.unknow-error", ex.Code);
    }

    [Fact]
    public async Task Call_Http500_Transient()
    {
        await using var h = await AlipayHarness.StartAsync();
        h.Server.Fault = FakeAlipayFault.Http500;

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => h.Provider.RefundAsync(
            new ProviderRefundRequest(76, "r-76", null, AlipayHarness.Fen(100), AlipayHarness.Fen(1250), "x"), Token));

        Assert.True(ex.Transient);
        Assert.Equal("http_500", ex.Code);
    }

    [Fact]
    public async Task Call_NoAnswerWithinTimeout_Transient()
    {
        await using var h = await AlipayHarness.StartAsync(o => o.RequestTimeout = TimeSpan.FromMilliseconds(200));
        h.Server.ResponseDelay = TimeSpan.FromSeconds(5);

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => h.Provider.QueryAsync(AlipayHarness.Reference(77), Token));

        Assert.True(ex.Transient);
        Assert.Equal("timeout", ex.Code);
    }

    [Fact]
    public async Task Call_GatewayUnreachable_Transient()
    {
        var server = await FakeAlipayServer.StartAsync(AlipayHarness.AppId, AlipayTestKeys.AppPublicPem, TimeProvider.System);
        var options = AlipayHarness.OptionsFor(server);
        await server.DisposeAsync();
        using var http = new HttpClient();
        var provider = new AlipayProvider(http, options, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => provider.QueryAsync(AlipayHarness.Reference(78), Token));

        Assert.True(ex.Transient);
        Assert.Equal("network_error", ex.Code);
    }

    [Fact]
    public async Task Call_SignedWithKeyAlipayDoesNotKnow_NonTransientInvalidSignature()
    {
        await using var h = await AlipayHarness.StartAsync(o => o.AppPrivateKey = AlipayTestKeys.OtherPrivatePem);

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => h.Provider.CreateAsync(AlipayHarness.Payment(79), Token));

        Assert.False(ex.Transient);
        Assert.Equal("isv.invalid-signature", ex.Code);
        Assert.False(Assert.Single(h.Server.Requests).SignatureValid);
    }
}
