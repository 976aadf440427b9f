using System.Text;
using Canteen.Core.Shared;
using Canteen.Engine.Payments;
using Xunit;

namespace Canteen.Engine.Tests.Payments;

public sealed class CashProviderTests
{
    private static readonly Money Amount = new(2800, "CNY");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Name_IsCashWithoutMethods()
    {
        var cash = new CashProvider();

        Assert.Equal("cash", cash.Name);
        Assert.Equal(CashProvider.ProviderName, cash.Name);
        Assert.Empty(cash.Methods);
    }

    [Fact]
    public async Task CreateAsync_AnyRequest_ReturnsNothingToOpen()
    {
        var request = new ProviderPaymentRequest(1, 2, "main", Amount, "Canteen order", null, null, DateTimeOffset.UnixEpoch);

        var created = await new CashProvider().CreateAsync(request, Ct);

        Assert.Null(created.ProviderReference);
        Assert.Null(created.PayUrl);
        Assert.Null(created.CodeUrl);
        Assert.Null(created.ClientParameters);
    }

    [Fact]
    public async Task QueryCloseAsync_AnyPayment_AlreadyCapturedInFull()
    {
        var cash = new CashProvider();
        var reference = new ProviderPaymentReference(1, Amount, null);

        var queried = await cash.QueryAsync(reference, Ct);
        var closed = await cash.CloseAsync(reference, Ct);

        Assert.Equal(new ProviderPaymentState(ProviderPaymentStatus.Succeeded, null, Amount), queried);
        Assert.Equal(new ProviderPaymentState(ProviderPaymentStatus.Succeeded, null, Amount), closed);
    }

    [Fact]
    public async Task RefundAsync_AnyRequest_Succeeded()
    {
        var request = new ProviderRefundRequest(1, "R1", null, Amount, Amount, "Canteen order refund");

        Assert.Equal(ProviderRefundStatus.Succeeded, await new CashProvider().RefundAsync(request, Ct));
    }

    [Fact]
    public void VerifyCallback_AnyRequest_Rejected()
    {
        var request = new ProviderCallbackRequest(
            new Dictionary<string, string> { ["Content-Type"] = "application/json" }, Encoding.UTF8.GetBytes("{}"), "application/json");

        Assert.Throws<CallbackRejectedException>(() => new CashProvider().VerifyCallback(request));
    }
}
