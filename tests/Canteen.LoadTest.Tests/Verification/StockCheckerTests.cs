using Canteen.LoadTest.Running;
using Canteen.LoadTest.Tests.Support;
using Canteen.LoadTest.Verification;

namespace Canteen.LoadTest.Tests.Verification;

public sealed class StockCheckerTests
{
    private const string Store = "sh-jingan";

    [Fact]
    public void Check_PortionsTakenEqualHeldByAcknowledgedOrders_Passes()
    {
        var acks = Acks(("1", 2), ("2", 1));

        var (count, passed, messages) = StockChecker.Check(
            Stock(new StockLevel("braised-pork", 50, 48, 2, 0), new StockLevel("peking-duck", 20, 20, 0, 0)),
            Stock(new StockLevel("braised-pork", 50, 45, 4, 1), new StockLevel("peking-duck", 20, 20, 0, 0)),
            acks);

        Assert.True(passed, string.Join("; ", messages));
        Assert.Equal(2, count);
        Assert.Equal(["sh-jingan/braised-pork: 3 portions held by acknowledged orders, 45 of 50 left: consistent"], messages);
    }

    // The server acknowledged an order but its hold is gone: the promise behind the 201 was broken.
    [Fact]
    public void Check_FewerPortionsTakenThanAcknowledged_FailsSayingWhichDish()
    {
        var (_, passed, messages) = StockChecker.Check(
            Stock(new StockLevel("braised-pork", 50, 50, 0, 0)),
            Stock(new StockLevel("braised-pork", 50, 48, 2, 0)),
            Acks(("1", 2), ("2", 1)));

        Assert.False(passed);
        Assert.Equal(["sh-jingan/braised-pork: portions taken during the run 2, acknowledged orders hold 3"], messages);
    }

    // A server answering 500 to the stock listing after the run has shown nothing adding up.
    [Fact]
    public void Check_StockReadableBeforeButNotAfter_Fails()
    {
        var (count, passed, messages) = StockChecker.Check(
            Stock(new StockLevel("braised-pork", 50, 50, 0, 0)),
            new Dictionary<string, IReadOnlyList<StockLevel>?> { [Store] = null },
            Acks());

        Assert.False(passed);
        Assert.Equal(0, count);
        Assert.Equal(["sh-jingan: stock was readable before the run but not after it, so it could not be checked"], messages);
    }

    // Not served at all (no staff token, no stock API): nothing to compare, and nothing claimed.
    [Fact]
    public void Check_StockUnreadableBeforeAndAfter_PassesWithNothingChecked()
    {
        var unreadable = new Dictionary<string, IReadOnlyList<StockLevel>?> { [Store] = null };

        var (count, passed, messages) = StockChecker.Check(unreadable, unreadable, Acks(("1", 2)));

        Assert.True(passed, string.Join("; ", messages));
        Assert.Equal(0, count);
    }

    [Fact]
    public void Check_MorePortionsTakenThanAcknowledged_FailsAsOversell()
    {
        var (_, passed, messages) = StockChecker.Check(
            Stock(new StockLevel("braised-pork", 50, 50, 0, 0)),
            Stock(new StockLevel("braised-pork", 50, 46, 4, 0)),
            Acks(("1", 3)));

        Assert.False(passed);
        Assert.Contains("portions taken during the run 4, acknowledged orders hold 3", Assert.Single(messages), StringComparison.Ordinal);
    }

    // A request that got no answer may have been placed: more portions taken is then fine, fewer still is not.
    [Theory]
    [InlineData(4, true)]
    [InlineData(3, true)]
    [InlineData(2, false)]
    public void Check_SomeOutcomesUnknown_AcknowledgedHoldsAreALowerBound(int taken, bool passes)
    {
        var acks = Acks(("1", 3));
        acks.AddUnknown();

        var (_, passed, messages) = StockChecker.Check(
            Stock(new StockLevel("braised-pork", 50, 50, 0, 0)),
            Stock(new StockLevel("braised-pork", 50, 50 - taken, taken, 0)),
            acks);

        Assert.Equal(passes, passed);
        Assert.Contains("1 order requests got no clear answer; stock deltas were checked as lower bounds", messages);
    }

    // A cancel that got no answer may or may not have released its order's 2 portions: 3 (held) and 1 (released) are
    // both consistent; fewer than 1 is a lost hold and more than 3 an oversell, as without the cancel.
    [Theory]
    [InlineData(3, true)]
    [InlineData(1, true)]
    [InlineData(0, false)]
    [InlineData(4, false)]
    public void Check_CancelWithoutAnswer_OrdersPortionsAcceptedAsHeldOrReleased(int taken, bool passes)
    {
        var acks = Acks(("1", 2), ("2", 1));
        acks.AddUnknownCancel("1");

        var (_, passed, messages) = StockChecker.Check(
            Stock(new StockLevel("braised-pork", 50, 50, 0, 0)),
            Stock(new StockLevel("braised-pork", 50, 50 - taken, taken, 0)),
            acks);

        Assert.True(passes == passed, string.Join("; ", messages));
        Assert.Contains("1 cancel requests got no clear answer; those orders' portions were accepted as held or released", messages);
        if (!passes)
        {
            Assert.Contains($"sh-jingan/braised-pork: portions taken during the run {taken}, acknowledged orders hold 3 (2 of them by orders whose cancel got no answer)", messages);
        }
    }

    // Both kinds of unknown at once: the released lower bound and no upper bound.
    [Theory]
    [InlineData(1, true)]
    [InlineData(9, true)]
    [InlineData(0, false)]
    public void Check_CancelAndOrderWithoutAnswer_OnlyTheReleasedLowerBoundHolds(int taken, bool passes)
    {
        var acks = Acks(("1", 2), ("2", 1));
        acks.AddUnknownCancel("1");
        acks.AddUnknown();

        var (_, passed, messages) = StockChecker.Check(
            Stock(new StockLevel("braised-pork", 50, 50, 0, 0)),
            Stock(new StockLevel("braised-pork", 50, 50 - taken, taken, 0)),
            acks);

        Assert.True(passes == passed, string.Join("; ", messages));
    }

    [Fact]
    public void Check_CancelledOrder_HoldsNothing()
    {
        var acks = Acks(("1", 2), ("2", 1));
        acks.AddCancelled("1");

        var (_, passed, messages) = StockChecker.Check(
            Stock(new StockLevel("braised-pork", 50, 50, 0, 0)),
            Stock(new StockLevel("braised-pork", 50, 49, 1, 0)),
            acks);

        Assert.True(passed, string.Join("; ", messages));
    }

    [Theory]
    [InlineData(45, 4, 0, 50)]
    [InlineData(-1, 50, 1, 50)]
    [InlineData(50, -1, 1, 50)]
    public void Check_LevelThatDoesNotAddUp_FailsShowingTheNumbers(int available, int reserved, int sold, int total)
    {
        var (_, passed, messages) = StockChecker.Check(
            new Dictionary<string, IReadOnlyList<StockLevel>?>(),
            Stock(new StockLevel("braised-pork", total, available, reserved, sold)),
            new AckLog());

        Assert.False(passed);
        Assert.Equal(
            [$"sh-jingan/braised-pork: available {available} + reserved {reserved} + sold {sold} != total {total} (or negative)"],
            messages);
    }

    // Someone changed the daily portions mid-run: the delta means nothing, so it is reported, not judged.
    [Fact]
    public void Check_TotalChangedDuringRun_NotComparedButSaid()
    {
        var (_, passed, messages) = StockChecker.Check(
            Stock(new StockLevel("braised-pork", 50, 50, 0, 0)),
            Stock(new StockLevel("braised-pork", 80, 80, 0, 0)),
            Acks(("1", 2)));

        Assert.True(passed);
        Assert.Equal(["sh-jingan/braised-pork: total changed during the run (50 -> 80); hold count not compared"], messages);
    }

    [Fact]
    public void Check_StockNotReadable_ChecksNothing()
    {
        var unreadable = new Dictionary<string, IReadOnlyList<StockLevel>?> { [Store] = null };

        var (count, passed, messages) = StockChecker.Check(unreadable, unreadable, Acks(("1", 2)));

        Assert.Equal((0, true), (count, passed));
        Assert.Empty(messages);
    }

    [Fact]
    public void CheckAllReleased_StockReadableBeforeButNotAfter_Fails()
    {
        var (count, passed, messages) = StockChecker.CheckAllReleased(
            Stock(new StockLevel("braised-pork", 50, 50, 0, 0)),
            new Dictionary<string, IReadOnlyList<StockLevel>?> { [Store] = null });

        Assert.False(passed);
        Assert.Equal(0, count);
        Assert.Equal(["sh-jingan: stock was readable before the run but not after it, so it could not be checked"], messages);
    }

    [Fact]
    public void CheckAllReleased_NothingReservedNothingNewlySold_Passes()
    {
        var (count, passed, messages) = StockChecker.CheckAllReleased(
            Stock(new StockLevel("braised-pork", 50, 47, 0, 3)),
            Stock(new StockLevel("braised-pork", 50, 47, 0, 3), new StockLevel("crayfish", 30, 30, 0, 0)));

        Assert.Equal((2, true), (count, passed));
        Assert.Equal(["2 limited dishes: nothing reserved, nothing sold: every hold of every expired order was released"], messages);
    }

    [Theory]
    [InlineData(48, 2, 0)]
    [InlineData(49, 0, 1)]
    public void CheckAllReleased_HoldLeftOrOrderSold_FailsNamingTheDish(int available, int reserved, int sold)
    {
        var (_, passed, messages) = StockChecker.CheckAllReleased(
            Stock(new StockLevel("braised-pork", 50, 50, 0, 0)),
            Stock(new StockLevel("braised-pork", 50, available, reserved, sold)));

        Assert.False(passed);
        Assert.Equal(
            [$"sh-jingan/braised-pork: available {available}, reserved {reserved} (want 0), sold {sold} (was 0), total 50: a hold was not released"],
            messages);
    }

    private static Dictionary<string, IReadOnlyList<StockLevel>?> Stock(params StockLevel[] levels) => new() { [Store] = levels };

    private static AckLog Acks(params (string Id, int BraisedPork)[] orders)
    {
        var acks = new AckLog();
        foreach (var (id, portions) in orders)
        {
            acks.AddPlaced("/api/v1/orders/" + id, TestMenus.Holding(Store, ("braised-pork", portions)));
        }

        return acks;
    }
}
