using Canteen.Core.Ordering;
using Xunit;

namespace Canteen.Core.Tests.Ordering;

public sealed class OrderStatusNamesTests
{
    [Theory]
    [InlineData(OrderStatus.Created, "created")]
    [InlineData(OrderStatus.Paying, "paying")]
    [InlineData(OrderStatus.Paid, "paid")]
    [InlineData(OrderStatus.Preparing, "preparing")]
    [InlineData(OrderStatus.Ready, "ready")]
    [InlineData(OrderStatus.Completed, "completed")]
    [InlineData(OrderStatus.Cancelled, "cancelled")]
    [InlineData(OrderStatus.Refunded, "refunded")]
    public void ToWireTryParseStatus_EveryStatus_RoundTrips(OrderStatus status, string wire)
    {
        Assert.Equal(wire, OrderStatusNames.ToWire(status));
        Assert.True(OrderStatusNames.TryParseStatus(wire, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Theory]
    [InlineData(OrderType.DineIn, "dine_in")]
    [InlineData(OrderType.Takeaway, "takeaway")]
    [InlineData(OrderType.Delivery, "delivery")]
    public void ToWireTryParseType_EveryType_RoundTrips(OrderType type, string wire)
    {
        Assert.Equal(wire, OrderStatusNames.ToWire(type));
        Assert.True(OrderStatusNames.TryParseType(wire, out var parsed));
        Assert.Equal(type, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Paid")]
    [InlineData("dineIn")]
    [InlineData("unknown")]
    public void TryParse_UnknownName_ReturnsFalse(string? wire)
    {
        Assert.False(OrderStatusNames.TryParseStatus(wire, out _));
        Assert.False(OrderStatusNames.TryParseType(wire, out _));
    }

    [Fact]
    public void ToWire_UndefinedValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderStatusNames.ToWire((OrderStatus)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderStatusNames.ToWire((OrderType)99));
    }
}
