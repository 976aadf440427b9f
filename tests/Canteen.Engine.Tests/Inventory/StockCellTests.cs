using Canteen.Engine.Inventory;
using Xunit;

namespace Canteen.Engine.Tests.Inventory;

public sealed class StockCellTests
{
    [Fact]
    public void Read_MaximumInEveryCounter_KeepsTheCountersApart()
    {
        var cell = new StockCell(StockCell.MaxPortions, StockCell.MaxPortions - 1, StockCell.MaxPortions - 2);

        Assert.Equal((StockCell.MaxPortions, StockCell.MaxPortions - 1, StockCell.MaxPortions - 2), cell.Read());
    }

    [Fact]
    public void TryReserve_EnoughAvailable_MovesAvailableToReserved()
    {
        var cell = new StockCell(10, 1, 2);

        Assert.True(cell.TryReserve(10));

        Assert.Equal((0, 11, 2), cell.Read());
    }

    [Fact]
    public void TryReserve_NotEnoughAvailable_ChangesNothing()
    {
        var cell = new StockCell(3, 1, 2);

        Assert.False(cell.TryReserve(4));

        Assert.Equal((3, 1, 2), cell.Read());
    }

    [Fact]
    public void Release_Reserved_MovesBackToAvailable()
    {
        var cell = new StockCell(5, 4, 1);

        cell.Release(3);

        Assert.Equal((8, 1, 1), cell.Read());
    }

    [Fact]
    public void Confirm_Reserved_MovesToSold()
    {
        var cell = new StockCell(5, 4, 1);

        cell.Confirm(3);

        Assert.Equal((5, 1, 4), cell.Read());
    }

    [Fact]
    public void Release_MoreThanReserved_FailsLoudlyAndChangesNothing()
    {
        var cell = new StockCell(5, 2, 0);

        Assert.Throws<InvalidOperationException>(() => cell.Release(3));

        Assert.Equal((5, 2, 0), cell.Read());
    }

    [Fact]
    public void Constructor_NegativeCounter_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new StockCell(-1, 0, 0));

    [Theory]
    [InlineData(9, false, 5)]
    [InlineData(10, true, 0)]
    [InlineData(40, true, 30)]
    public void TrySetTotal_RelativeToReservedPlusSold_ChangesOnlyAvailable(int total, bool expected, int available)
    {
        var cell = new StockCell(5, 6, 4);

        Assert.Equal(expected, cell.TrySetTotal(total));

        Assert.Equal((available, 6, 4), cell.Read());
    }

    [Fact]
    public void TrySetTotal_AboveMaxPortions_IsRefused()
    {
        var cell = new StockCell(5, 0, 0);

        Assert.False(cell.TrySetTotal(StockCell.MaxPortions + 1));

        Assert.Equal((5, 0, 0), cell.Read());
    }
}
