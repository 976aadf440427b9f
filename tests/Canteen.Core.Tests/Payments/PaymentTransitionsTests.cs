using Canteen.Core.Payments;
using Xunit;

namespace Canteen.Core.Tests.Payments;

public sealed class PaymentTransitionsTests
{
    // The payment state machine, written out independently of PaymentTransitions so a change to either shows up here.
    private static readonly HashSet<(PaymentStatus From, PaymentStatus To)> Expected =
    [
        (PaymentStatus.Pending, PaymentStatus.Succeeded),
        (PaymentStatus.Pending, PaymentStatus.Failed),
        (PaymentStatus.Pending, PaymentStatus.Closed),
        (PaymentStatus.Failed, PaymentStatus.Succeeded),
        (PaymentStatus.Closed, PaymentStatus.Succeeded),
        (PaymentStatus.Succeeded, PaymentStatus.Refunding),
        (PaymentStatus.Refunding, PaymentStatus.Refunded),
    ];

    public static TheoryData<PaymentStatus, PaymentStatus> AllPairs()
    {
        var data = new TheoryData<PaymentStatus, PaymentStatus>();
        foreach (var from in Enum.GetValues<PaymentStatus>())
        {
            foreach (var to in Enum.GetValues<PaymentStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Fact]
    public void AllPairs_EveryStatus_CoversAll36Pairs()
    {
        // A new status must be added to the expected table (and to TestPayments.PathTo) before this passes.
        Assert.Equal(6, Enum.GetValues<PaymentStatus>().Length);
        Assert.Equal(36, AllPairs().Count);
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void IsAllowed_EveryPair_MatchesTable(PaymentStatus from, PaymentStatus to)
    {
        Assert.Equal(Expected.Contains((from, to)), PaymentTransitions.IsAllowed(from, to));
    }

    [Theory]
    [InlineData(PaymentStatus.Pending)]
    [InlineData(PaymentStatus.Refunded)]
    public void IsAllowed_UndefinedStatus_Refused(PaymentStatus known)
    {
        Assert.False(PaymentTransitions.IsAllowed((PaymentStatus)99, known));
        Assert.False(PaymentTransitions.IsAllowed(known, (PaymentStatus)99));
    }

    [Fact]
    public void IsAllowed_Refunded_NoMoveLeavesIt()
    {
        Assert.DoesNotContain(Enum.GetValues<PaymentStatus>(), to => PaymentTransitions.IsAllowed(PaymentStatus.Refunded, to));
    }

    [Fact]
    public void IsAllowed_Pending_NoMoveReturnsToIt()
    {
        Assert.DoesNotContain(Enum.GetValues<PaymentStatus>(), from => PaymentTransitions.IsAllowed(from, PaymentStatus.Pending));
    }

    [Theory]
    [InlineData(PaymentStatus.Pending, false)]
    [InlineData(PaymentStatus.Succeeded, true)]
    [InlineData(PaymentStatus.Failed, false)]
    [InlineData(PaymentStatus.Closed, false)]
    [InlineData(PaymentStatus.Refunding, true)]
    [InlineData(PaymentStatus.Refunded, true)]
    public void IsCaptured_Status_TrueOnceMoneyWasTaken(PaymentStatus status, bool captured)
    {
        Assert.Equal(captured, PaymentTransitions.IsCaptured(status));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void IsAllowed_CapturedStatus_NeverMovesBackToUncaptured(PaymentStatus from, PaymentStatus to)
    {
        // Once the provider has the money, no move may forget it.
        if (PaymentTransitions.IsCaptured(from) && PaymentTransitions.IsAllowed(from, to))
        {
            Assert.True(PaymentTransitions.IsCaptured(to));
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void InvalidPaymentTransitionException_Message_NamesBothWireStatuses(PaymentStatus from, PaymentStatus to)
    {
        var ex = new InvalidPaymentTransitionException(from, to);

        Assert.Equal("invalid_transition", ex.Code);
        Assert.Equal(from, ex.From);
        Assert.Equal(to, ex.To);
        Assert.Contains(PaymentStatusNames.ToWire(from), ex.Message, StringComparison.Ordinal);
        Assert.Contains(PaymentStatusNames.ToWire(to), ex.Message, StringComparison.Ordinal);
    }
}
