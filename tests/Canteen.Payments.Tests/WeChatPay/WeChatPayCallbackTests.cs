using Canteen.Core.Shared;
using Canteen.Engine.Payments;

namespace Canteen.Payments.Tests.WeChatPay;

public sealed class WeChatPayCallbackTests : WeChatPayTestBase
{
    [Fact]
    public async Task VerifyCallback_PaidTransaction_DecodesThePayment()
    {
        var id = await PaidPaymentAsync(fen: 4200);

        var callback = Provider.VerifyCallback(Fake.TransactionCallback(id));

        Assert.Equal(id, callback.PaymentId);
        Assert.Equal(ProviderCallbackKind.Payment, callback.Kind);
        Assert.Equal(new ProviderPaymentState(ProviderPaymentStatus.Succeeded, "42000" + id, new Money(4200, "CNY")), callback.State);
        Assert.Equal(new CallbackAcknowledgement(204, null, null), callback.Acknowledgement);
    }

    [Fact]
    public async Task VerifyCallback_HeaderNamesInLowerCase_Accepted()
    {
        var id = await PaidPaymentAsync();
        var request = Fake.TransactionCallback(id);
        var lower = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value, StringComparer.Ordinal);

        var callback = Provider.VerifyCallback(request with { Headers = lower });

        Assert.Equal(ProviderPaymentStatus.Succeeded, callback.State.Status);
    }

    [Fact]
    public async Task VerifyCallback_FourMinutesOld_StillInsideTheWindow()
    {
        var id = await PaidPaymentAsync();
        var request = Fake.TransactionCallback(id);

        Time.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal(id, Provider.VerifyCallback(request).PaymentId);
    }

    [Theory]
    [InlineData("REFUND.SUCCESS", ProviderPaymentStatus.Succeeded)]
    [InlineData("REFUND.ABNORMAL", ProviderPaymentStatus.Failed)]
    [InlineData("REFUND.CLOSED", ProviderPaymentStatus.Failed)]
    public async Task VerifyCallback_Refund_DecodesARefundOfThePayment(string eventType, ProviderPaymentStatus expected)
    {
        var id = await PaidPaymentAsync();
        await Provider.RefundAsync(new ProviderRefundRequest(id, "RF-1", null, new Money(2350, "CNY"), new Money(2350, "CNY"), "x"), Cancel);

        var callback = Provider.VerifyCallback(Fake.RefundCallback(id, "RF-1", eventType));

        Assert.Equal((id, ProviderCallbackKind.Refund, expected), (callback.PaymentId, callback.Kind, callback.State.Status));
        Assert.Equal(204, callback.Acknowledgement.StatusCode);
    }

    [Theory]
    [InlineData("bad signature", "signature does not verify")]
    [InlineData("unknown serial", "unknown signing key serial")]
    [InlineData("future timestamp", "in the future")]
    [InlineData("tampered ciphertext", "does not decrypt")]
    [InlineData("tampered associated_data", "does not decrypt")]
    [InlineData("another API v3 key", "does not decrypt")]
    [InlineData("malformed JSON", "malformed")]
    [InlineData("not a notification", "malformed")]
    [InlineData("non-numeric out_trade_no", "ORDER-42")]
    [InlineData("no Wechatpay-Timestamp", "header is missing")]
    [InlineData("no Wechatpay-Nonce", "header is missing")]
    [InlineData("no Wechatpay-Signature", "header is missing")]
    [InlineData("no Wechatpay-Serial", "header is missing")]
    public async Task VerifyCallback_DoesNotCheckOut_RejectedForThatReason(string problem, string reason)
    {
        var id = await PaidPaymentAsync();
        var request = Fake.TransactionCallback(id, Tampering(problem));

        var ex = Assert.Throws<CallbackRejectedException>(() => Provider.VerifyCallback(request));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyCallback_OlderThanTheWindow_Rejected()
    {
        var id = await PaidPaymentAsync();
        var request = Fake.TransactionCallback(id);

        Time.Advance(TimeSpan.FromMinutes(6));

        var ex = Assert.Throws<CallbackRejectedException>(() => Provider.VerifyCallback(request));
        Assert.Contains("older than the window", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyCallback_BodyAlteredAfterSigning_Rejected()
    {
        var id = await PaidPaymentAsync();
        var request = Fake.TransactionCallback(id);
        var body = request.Body.ToArray();
        body[^2] = (byte)' ';

        var ex = Assert.Throws<CallbackRejectedException>(() => Provider.VerifyCallback(request with { Body = body }));
        Assert.Contains("signature does not verify", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyCallback_NoHeadersAtAll_Rejected()
    {
        var request = new ProviderCallbackRequest(new Dictionary<string, string>(), "{}"u8.ToArray(), "application/json");

        Assert.Throws<CallbackRejectedException>(() => Provider.VerifyCallback(request));
    }

    private static CallbackTampering Tampering(string problem) => problem switch
    {
        "bad signature" => new() { BadSignature = true },
        "unknown serial" => new() { UnknownSerial = true },
        "future timestamp" => new() { TimestampShift = TimeSpan.FromMinutes(6) },
        "tampered ciphertext" => new() { Ciphertext = true },
        "tampered associated_data" => new() { AssociatedData = true },
        "another API v3 key" => new() { ApiV3Key = new string('k', 32) },
        "malformed JSON" => new() { RawBody = "{\"id\":\"EV-1\",\"resource\":" },
        "not a notification" => new() { RawBody = "[1,2,3]" },
        "non-numeric out_trade_no" => new() { OutTradeNo = "ORDER-42" },
        _ when problem.StartsWith("no ", StringComparison.Ordinal) => new() { OmitHeader = problem[3..] },
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };
}
