using Canteen.Core.Inventory;
using Xunit;

namespace Canteen.Core.Tests.Inventory;

public sealed class StockLevelTests
{
    [Fact]
    public void Total_Parts_IsAvailablePlusReservedPlusSold()
    {
        Assert.Equal(50, new StockLevel("braised-pork", 30, 5, 15).Total);
    }

    [Theory]
    [InlineData(0, 0, 0, true)]
    [InlineData(30, 5, 15, true)]
    [InlineData(-1, 1, 0, false)]
    [InlineData(1, -1, 0, false)]
    [InlineData(1, 0, -1, false)]
    public void IsConsistent_Parts_FalseWhenAnyIsNegative(int available, int reserved, int sold, bool consistent)
    {
        Assert.Equal(consistent, new StockLevel("duck", available, reserved, sold).IsConsistent);
    }
}
