using Canteen.Core.Payments;
using Xunit;

namespace Canteen.Core.Tests.Payments;

public sealed class PaymentStatusNamesTests
{
    [Theory]
    [InlineData(PaymentStatus.Pending, "pending")]
    [InlineData(PaymentStatus.Succeeded, "succeeded")]
    [InlineData(PaymentStatus.Failed, "failed")]
    [InlineData(PaymentStatus.Closed, "closed")]
    [InlineData(PaymentStatus.Refunding, "refunding")]
    [InlineData(PaymentStatus.Refunded, "refunded")]
    public void ToWireTryParse_EveryStatus_RoundTrips(PaymentStatus status, string wire)
    {
        Assert.Equal(wire, PaymentStatusNames.ToWire(status));
        Assert.True(PaymentStatusNames.TryParse(wire, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Fact]
    public void ToWire_EveryStatus_HasDistinctName()
    {
        var statuses = Enum.GetValues<PaymentStatus>();

        Assert.Equal(6, statuses.Length);
        Assert.Equal(statuses.Length, statuses.Select(PaymentStatusNames.ToWire).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Pending")]
    [InlineData("SUCCEEDED")]
    [InlineData(" pending")]
    [InlineData("paid")]
    [InlineData("refund")]
    [InlineData("unknown")]
    public void TryParse_UnknownName_ReturnsFalse(string? wire)
    {
        Assert.False(PaymentStatusNames.TryParse(wire, out var parsed));
        Assert.Equal(default, parsed);
    }

    [Fact]
    public void ToWire_UndefinedValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentStatusNames.ToWire((PaymentStatus)99));
    }
}
