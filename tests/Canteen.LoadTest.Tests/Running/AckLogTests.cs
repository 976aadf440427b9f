using Canteen.LoadTest.Running;
using Canteen.LoadTest.Tests.Support;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Tests.Running;

public sealed class AckLogTests
{
    private static readonly OrderTemplate Template = TestMenus.Holding("sh-jingan", ("braised-pork", 1));

    [Theory]
    [InlineData("/api/v1/orders/123", "123")]
    [InlineData("http://127.0.0.1:5080/api/v1/orders/9007199254740993", "9007199254740993")]
    [InlineData("orders/abc-def", "abc-def")]
    public void AddPlaced_Location_OrderIdIsItsLastSegment(string location, string id)
    {
        var acks = new AckLog();

        var placed = acks.AddPlaced(location, Template);

        Assert.NotNull(placed);
        Assert.Equal(id, placed.Id);
        Assert.Same(Template, placed.Template);
        Assert.Equal([placed], acks.Placed);
        Assert.Equal(0, acks.PlacedWithoutLocation);
    }

    // The order exists but cannot be found again: counted, so the report can say how many could not be read back.
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("/api/v1/orders/")]
    public void AddPlaced_NoUsableLocation_CountedWithoutId(string? location)
    {
        var acks = new AckLog();

        Assert.Null(acks.AddPlaced(location, Template));
        Assert.Empty(acks.Placed);
        Assert.Equal(1, acks.PlacedWithoutLocation);
    }

    // Acknowledged is acknowledged: a 201 without a usable Location counts too (verification then fails it).
    [Fact]
    public void Acknowledged_Every201WithOrWithoutLocation()
    {
        var acks = new AckLog();
        acks.AddPlaced("/api/v1/orders/1", Template);
        acks.AddPlaced(null, Template);
        acks.AddPlaced("", Template);

        Assert.Equal((3, 1, 2), (acks.Acknowledged, acks.Placed.Count, acks.PlacedWithoutLocation));
    }

    [Fact]
    public void AddUnknownCancel_Order_IsCancelUnknownNotCancelled()
    {
        var acks = new AckLog();
        acks.AddUnknownCancel("1");
        acks.AddUnknownCancel("1");

        Assert.Equal((true, false, false), (acks.IsCancelUnknown("1"), acks.IsCancelUnknown("2"), acks.IsCancelled("1")));
        Assert.Equal((1, 0), (acks.UnknownCancels, acks.UnknownOutcomes));
    }

    [Fact]
    public void AddCancelled_Order_IsCancelledOthersNot()
    {
        var acks = new AckLog();
        acks.AddCancelled("1");
        acks.AddCancelled("1");
        acks.AddUnknown();
        acks.AddUnknown();

        Assert.True(acks.IsCancelled("1"));
        Assert.False(acks.IsCancelled("2"));
        Assert.Equal(2, acks.UnknownOutcomes);
    }
}
