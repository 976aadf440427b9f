using Canteen.Core.Ordering;
using Xunit;

namespace Canteen.Core.Tests.Ordering;

public sealed class OrderTransitionsTests
{
    // DESIGN §5, written out independently of OrderTransitions so a change to either shows up here.
    private static readonly HashSet<(OrderStatus From, OrderStatus To)> Expected =
    [
        (OrderStatus.Created, OrderStatus.Paying),
        (OrderStatus.Created, OrderStatus.Cancelled),
        (OrderStatus.Paying, OrderStatus.Paid),
        (OrderStatus.Paying, OrderStatus.Created),
        (OrderStatus.Paying, OrderStatus.Cancelled),
        (OrderStatus.Paid, OrderStatus.Preparing),
        (OrderStatus.Paid, OrderStatus.Refunded),
        (OrderStatus.Preparing, OrderStatus.Ready),
        (OrderStatus.Preparing, OrderStatus.Refunded),
        (OrderStatus.Ready, OrderStatus.Completed),
        (OrderStatus.Ready, OrderStatus.Refunded),
    ];

    public static TheoryData<OrderStatus, OrderStatus> AllPairs()
    {
        var data = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            foreach (var to in Enum.GetValues<OrderStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Fact]
    public void AllPairs_EveryStatus_CoversAll64Pairs()
    {
        // A new status must be added to the expected table (and to TestOrders.PathTo) before this passes.
        Assert.Equal(8, Enum.GetValues<OrderStatus>().Length);
        Assert.Equal(64, AllPairs().Count);
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void IsAllowed_EveryPair_MatchesDesignTable(OrderStatus from, OrderStatus to)
    {
        Assert.Equal(Expected.Contains((from, to)), OrderTransitions.IsAllowed(from, to));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void MoveTo_EveryPair_AppliesAllowedMovesAndRefusesTheRest(OrderStatus from, OrderStatus to)
    {
        var order = TestOrders.InStatus(from);
        Assert.Equal(from, order.Status);
        var version = order.Version;
        var updatedAt = order.UpdatedAt;
        var later = updatedAt.AddSeconds(30);

        if (Expected.Contains((from, to)))
        {
            order.MoveTo(to, later);

            Assert.Equal(to, order.Status);
            Assert.Equal(version + 1, order.Version);
            Assert.Equal(later, order.UpdatedAt);
        }
        else
        {
            var ex = Assert.Throws<InvalidTransitionException>(() => order.MoveTo(to, later));

            Assert.Equal("invalid_transition", ex.Code);
            Assert.Equal(from, ex.From);
            Assert.Equal(to, ex.To);
            Assert.Equal(from, order.Status);
            Assert.Equal(version, order.Version);
            Assert.Equal(updatedAt, order.UpdatedAt);
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void InvalidTransitionException_Message_NamesBothWireStatuses(OrderStatus from, OrderStatus to)
    {
        var ex = new InvalidTransitionException(from, to);

        Assert.Contains(OrderStatusNames.ToWire(from), ex.Message, StringComparison.Ordinal);
        Assert.Contains(OrderStatusNames.ToWire(to), ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrderStatus.Created, false)]
    [InlineData(OrderStatus.Paying, false)]
    [InlineData(OrderStatus.Paid, false)]
    [InlineData(OrderStatus.Preparing, false)]
    [InlineData(OrderStatus.Ready, false)]
    [InlineData(OrderStatus.Completed, true)]
    [InlineData(OrderStatus.Cancelled, true)]
    [InlineData(OrderStatus.Refunded, true)]
    public void IsTerminal_Status_TrueExactlyWhenNoMoveLeavesIt(OrderStatus status, bool terminal)
    {
        Assert.Equal(terminal, OrderTransitions.IsTerminal(status));
        Assert.Equal(terminal, !Enum.GetValues<OrderStatus>().Any(to => OrderTransitions.IsAllowed(status, to)));
    }

    [Theory]
    [InlineData(OrderStatus.Created, true)]
    [InlineData(OrderStatus.Paying, true)]
    [InlineData(OrderStatus.Paid, false)]
    [InlineData(OrderStatus.Preparing, false)]
    [InlineData(OrderStatus.Ready, false)]
    [InlineData(OrderStatus.Completed, false)]
    [InlineData(OrderStatus.Cancelled, false)]
    [InlineData(OrderStatus.Refunded, false)]
    public void HoldsStock_Status_TrueOnlyBeforePayment(OrderStatus status, bool holds)
    {
        Assert.Equal(holds, OrderTransitions.HoldsStock(status));
    }

    [Theory]
    [InlineData(OrderStatus.Paid, true)]
    [InlineData(OrderStatus.Cancelled, true)]
    [InlineData(OrderStatus.Created, false)]
    [InlineData(OrderStatus.Paying, false)]
    [InlineData(OrderStatus.Preparing, false)]
    [InlineData(OrderStatus.Refunded, false)]
    public void EndsUnpaid_Target_TrueForTheMovesOutOfWaitingForPayment(OrderStatus to, bool ends)
    {
        Assert.Equal(ends, OrderTransitions.EndsUnpaid(to));
    }

    [Fact]
    public void EndsUnpaid_EveryAllowedMove_AgreesWithTheStatusesOnBothSides()
    {
        // The promise stores rely on: the target alone tells whether a move left "waiting for payment".
        var statuses = Enum.GetValues<OrderStatus>();
        foreach (var from in statuses)
        {
            foreach (var to in statuses.Where(to => OrderTransitions.IsAllowed(from, to)))
            {
                Assert.Equal(OrderTransitions.HoldsStock(from) && !OrderTransitions.HoldsStock(to), OrderTransitions.EndsUnpaid(to));
            }
        }
    }
}
