using System.Net;
using System.Net.Sockets;
using Canteen.Engine.Payments;

namespace Canteen.Payments.Tests.WeChatPay;

public sealed class WeChatPayProviderFailureTests : WeChatPayTestBase
{
    [Theory]
    [InlineData(FakeAnswerMode.BadSignature)]
    [InlineData(FakeAnswerMode.UnknownSerial)]
    [InlineData(FakeAnswerMode.StaleTimestamp)]
    public async Task QueryAsync_AnswerDoesNotVerify_ThrowsNonTransient(FakeAnswerMode mode)
    {
        var id = await PaidPaymentAsync();
        Fake.Mode = mode;

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => Provider.QueryAsync(Reference(id), Cancel));

        Assert.Equal(("wechatpay", "response_signature_invalid", false), (ex.Provider, ex.Code, ex.Transient));
    }

    [Fact]
    public async Task CreateAsync_AnswerDoesNotVerify_DoesNotHandOutTheCodeUrl()
    {
        Fake.Mode = FakeAnswerMode.BadSignature;

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => Provider.CreateAsync(PaymentRequest(NewPaymentId()), Cancel));

        Assert.Equal("response_signature_invalid", ex.Code);
    }

    [Fact]
    public async Task QueryAsync_NotFoundThatDoesNotVerify_IsNotTakenAsNotFound()
    {
        Fake.Mode = FakeAnswerMode.UnknownSerial;

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => Provider.QueryAsync(Reference(NewPaymentId()), Cancel));

        Assert.Equal("response_signature_invalid", ex.Code);
    }

    [Fact]
    public async Task RefundAsync_SystemError_ThrowsTransient()
    {
        var id = await PaidPaymentAsync();
        Fake.Mode = FakeAnswerMode.SystemError;

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(
            () => Provider.RefundAsync(new ProviderRefundRequest(id, "RF-1", null, Reference(id).Amount, Reference(id).Amount, "x"), Cancel));

        Assert.Equal(("SYSTEM_ERROR", true), (ex.Code, ex.Transient));
        Assert.Equal(0, Fake.RefundCount);
    }

    [Fact]
    public async Task CreateAsync_WeChatRejectsOurSignature_ThrowsNonTransient()
    {
        // A fake that knows another public key for our merchant serial: our signatures cannot verify there.
        await using var strict = await FakeWeChatPayServer.StartAsync(Merchant with { Key = TestKeys.Other }, Time);
        var provider = CreateProvider(Merchant.Options(strict));

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => provider.CreateAsync(PaymentRequest(NewPaymentId()), Cancel));

        Assert.Equal(("SIGN_ERROR", false), (ex.Code, ex.Transient));
        Assert.False(Assert.Single(strict.Requests).SignatureVerified);
    }

    [Fact]
    public async Task QueryAsync_NoAnswerWithinTheTimeout_ThrowsTransient()
    {
        Fake.Mode = FakeAnswerMode.Hang;
        var query = Provider.QueryAsync(Reference(NewPaymentId()), Cancel);
        while (Fake.Requests.IsEmpty)
        {
            await Task.Delay(10, Cancel);
        }

        Time.Advance(TimeSpan.FromSeconds(11));

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => query);
        Assert.Equal(("timeout", true), (ex.Code, ex.Transient));
    }

    [Fact]
    public async Task QueryAsync_CallerCancels_ThrowsCancellation()
    {
        Fake.Mode = FakeAnswerMode.Hang;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var query = Provider.QueryAsync(Reference(NewPaymentId()), cts.Token);
        while (Fake.Requests.IsEmpty)
        {
            await Task.Delay(10, Cancel);
        }

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query);
    }

    [Fact]
    public async Task QueryAsync_NothingListens_ThrowsTransient()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = Merchant.Options(Fake);
        options.BaseUrl = new Uri($"http://127.0.0.1:{port}");

        var ex = await Assert.ThrowsAsync<PaymentProviderException>(() => CreateProvider(options).QueryAsync(Reference(NewPaymentId()), Cancel));

        Assert.Equal(("network_error", true), (ex.Code, ex.Transient));
    }
}
