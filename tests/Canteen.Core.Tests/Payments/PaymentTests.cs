using Canteen.Core.Payments;
using Canteen.Core.Shared;
using Xunit;

namespace Canteen.Core.Tests.Payments;

public sealed class PaymentTests
{
    private static readonly DateTimeOffset Later = TestPayments.Now.AddMinutes(30);

    public static TheoryData<PaymentStatus, PaymentStatus> MovesByMethod()
    {
        // Every (from, to) pair where some method targets `to`; nothing moves a payment back to Pending.
        var data = new TheoryData<PaymentStatus, PaymentStatus>();
        foreach (var from in Enum.GetValues<PaymentStatus>())
        {
            foreach (var to in Enum.GetValues<PaymentStatus>().Where(s => s != PaymentStatus.Pending))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Fact]
    public void Create_ValidArguments_StartsPendingAtVersionOneWithFirstCheck()
    {
        var payment = TestPayments.Create();

        Assert.Equal(TestPayments.Id, payment.Id);
        Assert.Equal(TestPayments.OrderId, payment.OrderId);
        Assert.Equal("main", payment.StoreId);
        Assert.Equal("sandbox", payment.Provider);
        Assert.Equal("native", payment.Method);
        Assert.Equal(TestPayments.Amount, payment.Amount);
        Assert.Equal(PaymentStatus.Pending, payment.Status);
        Assert.Null(payment.ProviderReference);
        Assert.Null(payment.PayUrl);
        Assert.Null(payment.CodeUrl);
        Assert.Equal(1, payment.Version);
        Assert.Equal(0, payment.Attempts);
        Assert.Equal(TestPayments.FirstCheckAt, payment.NextCheckAt);
        Assert.Equal(TestPayments.Now, payment.CreatedAt);
        Assert.Equal(TestPayments.Now, payment.UpdatedAt);
    }

    [Fact]
    public void Create_NoMethod_Allowed()
    {
        var payment = TestPayments.Create("cash", method: null);

        Assert.Null(payment.Method);
        Assert.Equal("cash", payment.Provider);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-2800)]
    [InlineData(long.MinValue)]
    public void Create_AmountNotPositive_ThrowsValidationFailed(long minor)
    {
        var ex = Assert.Throws<DomainException>(() => Payment.Create(
            1, 2, "main", "sandbox", null, new Money(minor, "CNY"), TestPayments.Now, TestPayments.FirstCheckAt));

        Assert.Equal("validation_failed", ex.Code);
    }

    [Fact]
    public void Create_SmallestPositiveAmount_Succeeds()
    {
        var payment = Payment.Create(1, 2, "main", "sandbox", null, new Money(1, "CNY"), TestPayments.Now, TestPayments.FirstCheckAt);

        Assert.Equal(1, payment.Amount.Minor);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Create_ProviderMissing_ThrowsArgumentException(string? provider)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => Payment.Create(
            1, 2, "main", provider!, null, TestPayments.Amount, TestPayments.Now, TestPayments.FirstCheckAt));

        Assert.Equal("provider", ex.ParamName);
    }

    [Theory]
    [MemberData(nameof(MovesByMethod))]
    public void MoveMethods_EveryPair_ApplyAllowedMovesAndRefuseTheRest(PaymentStatus from, PaymentStatus to)
    {
        var payment = TestPayments.Busy(from);
        var before = payment.ToSnapshot();

        if (PaymentTransitions.IsAllowed(from, to))
        {
            TestPayments.MoveTo(payment, to, Later);

            Assert.Equal(to, payment.Status);
            Assert.Equal(before.Version + 1, payment.Version);
            Assert.Equal(0, payment.Attempts);
            Assert.Equal(to == PaymentStatus.Refunding ? Later : null, payment.NextCheckAt);
            Assert.Equal(Later, payment.UpdatedAt);
            Assert.Equal(
                before with { Status = to, Version = before.Version + 1, Attempts = 0, NextCheckAt = payment.NextCheckAt, UpdatedAt = Later },
                payment.ToSnapshot());
        }
        else
        {
            var ex = Assert.Throws<InvalidPaymentTransitionException>(() => TestPayments.MoveTo(payment, to, Later));

            Assert.Equal("invalid_transition", ex.Code);
            Assert.Equal(from, ex.From);
            Assert.Equal(to, ex.To);
            Assert.Equal(before, payment.ToSnapshot());
        }
    }

    [Fact]
    public void Succeed_WithReference_RecordsProviderReference()
    {
        var payment = TestPayments.Busy(PaymentStatus.Pending);

        payment.Succeed("txn-42", Later);

        Assert.Equal(PaymentStatus.Succeeded, payment.Status);
        Assert.Equal("txn-42", payment.ProviderReference);
        Assert.Null(payment.NextCheckAt);
        Assert.Equal(0, payment.Attempts);
    }

    [Fact]
    public void Succeed_NullReference_KeepsKnownReference()
    {
        var payment = TestPayments.Busy(PaymentStatus.Pending);

        payment.Succeed(null, Later);

        Assert.Equal("prepay-1", payment.ProviderReference);
    }

    [Theory]
    [InlineData(PaymentStatus.Failed)]
    [InlineData(PaymentStatus.Closed)]
    public void Succeed_AfterWrittenOff_AcceptsLateCapture(PaymentStatus writtenOff)
    {
        var payment = TestPayments.InStatus(writtenOff);
        var version = payment.Version;

        payment.Succeed("txn-late", Later);

        Assert.Equal(PaymentStatus.Succeeded, payment.Status);
        Assert.Equal("txn-late", payment.ProviderReference);
        Assert.Equal(version + 1, payment.Version);
        Assert.True(PaymentTransitions.IsCaptured(payment.Status));
    }

    [Fact]
    public void Succeed_AlreadySucceeded_ThrowsAndKeepsReference()
    {
        var payment = TestPayments.InStatus(PaymentStatus.Succeeded);
        payment = Payment.Restore(payment.ToSnapshot() with { ProviderReference = "txn-1" });
        var before = payment.ToSnapshot();

        Assert.Throws<InvalidPaymentTransitionException>(() => payment.Succeed("txn-2", Later));

        Assert.Equal(before, payment.ToSnapshot());
    }

    [Fact]
    public void StartRefund_FromSucceeded_RefundIsDueAtOnce()
    {
        var payment = TestPayments.Busy(PaymentStatus.Succeeded);

        payment.StartRefund(Later);

        Assert.Equal(PaymentStatus.Refunding, payment.Status);
        Assert.Equal(Later, payment.NextCheckAt);
        Assert.Equal(0, payment.Attempts);
    }

    [Theory]
    [InlineData(PaymentStatus.Succeeded)]
    [InlineData(PaymentStatus.Failed)]
    [InlineData(PaymentStatus.Closed)]
    [InlineData(PaymentStatus.Refunded)]
    public void MoveMethods_ToAnythingButRefunding_ClearSchedule(PaymentStatus to)
    {
        var from = to == PaymentStatus.Refunded ? PaymentStatus.Refunding : PaymentStatus.Pending;
        var payment = TestPayments.Busy(from);

        TestPayments.MoveTo(payment, to, Later);

        Assert.Null(payment.NextCheckAt);
        Assert.Equal(0, payment.Attempts);
    }

    [Fact]
    public void Opened_WhilePending_StoresWhereToPayAndKeepsSchedule()
    {
        var payment = TestPayments.Busy(PaymentStatus.Pending, attempts: 2);
        var before = payment.ToSnapshot();

        payment.Opened("prepay-2", "https://pay.example/p/1", "weixin://wxpay/1", Later);

        Assert.Equal(PaymentStatus.Pending, payment.Status);
        Assert.Equal(
            before with
            {
                ProviderReference = "prepay-2",
                PayUrl = "https://pay.example/p/1",
                CodeUrl = "weixin://wxpay/1",
                Version = before.Version + 1,
                UpdatedAt = Later,
            },
            payment.ToSnapshot());
    }

    [Fact]
    public void Opened_NullReference_KeepsKnownReference()
    {
        var payment = TestPayments.Busy(PaymentStatus.Pending);

        payment.Opened(null, null, "weixin://wxpay/1", Later);

        Assert.Equal("prepay-1", payment.ProviderReference);
        Assert.Null(payment.PayUrl);
        Assert.Equal("weixin://wxpay/1", payment.CodeUrl);
    }

    [Fact]
    public void Opened_FreshPayment_BumpsVersionOnce()
    {
        var payment = TestPayments.Create();

        payment.Opened(null, "https://pay.example/p/1", null, Later);

        Assert.Equal(2, payment.Version);
        Assert.Equal(TestPayments.FirstCheckAt, payment.NextCheckAt);
        Assert.Equal(0, payment.Attempts);
    }

    [Theory]
    [InlineData(PaymentStatus.Succeeded)]
    [InlineData(PaymentStatus.Failed)]
    [InlineData(PaymentStatus.Closed)]
    [InlineData(PaymentStatus.Refunding)]
    [InlineData(PaymentStatus.Refunded)]
    public void Opened_NotPending_ThrowsInvalidTransitionAndLeavesUnchanged(PaymentStatus status)
    {
        var payment = TestPayments.Busy(status);
        var before = payment.ToSnapshot();

        var ex = Assert.Throws<InvalidPaymentTransitionException>(() => payment.Opened("x", "https://pay.example", null, Later));

        Assert.Equal("invalid_transition", ex.Code);
        Assert.Equal(status, ex.From);
        Assert.Equal(PaymentStatus.Pending, ex.To);
        Assert.Equal(before, payment.ToSnapshot());
    }

    [Theory]
    [InlineData(PaymentStatus.Pending)]
    [InlineData(PaymentStatus.Refunding)]
    public void Retry_FailedAttempt_CountsItAndReschedules(PaymentStatus status)
    {
        var payment = TestPayments.Busy(status, attempts: 2);
        var before = payment.ToSnapshot();
        var next = Later.AddSeconds(4);

        payment.Retry(next, failedAttempt: true, Later);

        Assert.Equal(
            before with { Attempts = 3, NextCheckAt = next, Version = before.Version + 1, UpdatedAt = Later },
            payment.ToSnapshot());
    }

    [Theory]
    [InlineData(PaymentStatus.Pending)]
    [InlineData(PaymentStatus.Refunding)]
    public void Retry_NotAFailure_ReschedulesWithoutCounting(PaymentStatus status)
    {
        var payment = TestPayments.Busy(status, attempts: 2);
        var before = payment.ToSnapshot();
        var next = Later.AddSeconds(15);

        payment.Retry(next, failedAttempt: false, Later);

        Assert.Equal(
            before with { NextCheckAt = next, Version = before.Version + 1, UpdatedAt = Later },
            payment.ToSnapshot());
    }

    [Fact]
    public void Retry_RepeatedFailures_CountUpUntilTheStatusMoves()
    {
        var payment = TestPayments.Create();
        var now = TestPayments.Now;

        for (var i = 1; i <= 4; i++)
        {
            now = now.AddSeconds(i);
            payment.Retry(now.AddSeconds(i), failedAttempt: true, now);
            Assert.Equal(i, payment.Attempts);
        }

        payment.Retry(now.AddSeconds(15), failedAttempt: false, now);
        Assert.Equal(4, payment.Attempts);
        Assert.Equal(6, payment.Version);

        payment.Succeed(null, now);
        Assert.Equal(0, payment.Attempts);
    }

    [Fact]
    public void Retry_NextCheckInThePast_StoredAsGiven()
    {
        // The saga may ask for an immediate retry; the payment does not second-guess the schedule.
        var payment = TestPayments.Busy(PaymentStatus.Pending);

        payment.Retry(TestPayments.Now, failedAttempt: true, Later);

        Assert.Equal(TestPayments.Now, payment.NextCheckAt);
    }

    [Theory]
    [InlineData(PaymentStatus.Succeeded)]
    [InlineData(PaymentStatus.Failed)]
    [InlineData(PaymentStatus.Closed)]
    [InlineData(PaymentStatus.Refunded)]
    public void Retry_NoStepToRetry_ThrowsInvalidTransitionAndLeavesUnchanged(PaymentStatus status)
    {
        var payment = TestPayments.Busy(status);
        var before = payment.ToSnapshot();

        var ex = Assert.ThrowsAny<DomainException>(() => payment.Retry(Later.AddSeconds(1), failedAttempt: true, Later));

        Assert.Equal("invalid_transition", ex.Code);
        Assert.Contains(PaymentStatusNames.ToWire(status), ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, payment.ToSnapshot());
    }

    [Theory]
    [InlineData("opened")]
    [InlineData("retry")]
    [InlineData("succeed")]
    [InlineData("fail")]
    [InlineData("close")]
    [InlineData("start_refund")]
    [InlineData("refunded")]
    public void UpdatedAt_CalledWithEarlierTime_NeverGoesBackwards(string change)
    {
        var from = change switch
        {
            "start_refund" => PaymentStatus.Succeeded,
            "refunded" => PaymentStatus.Refunding,
            _ => PaymentStatus.Pending,
        };
        var payment = Payment.Restore(TestPayments.Busy(from).ToSnapshot() with { UpdatedAt = Later });
        var version = payment.Version;
        var earlier = Later.AddMinutes(-10);

        Apply(payment, change, earlier);

        Assert.Equal(Later, payment.UpdatedAt);
        Assert.Equal(version + 1, payment.Version);
    }

    [Fact]
    public void UpdatedAt_LaterTimes_Advances()
    {
        var payment = TestPayments.Create();
        var t1 = TestPayments.Now.AddSeconds(1);
        var t2 = TestPayments.Now.AddSeconds(2);
        var t3 = TestPayments.Now.AddSeconds(3);

        payment.Opened("prepay-1", null, "weixin://1", t1);
        Assert.Equal(t1, payment.UpdatedAt);
        payment.Succeed("txn-1", t3);
        Assert.Equal(t3, payment.UpdatedAt);
        payment.StartRefund(t2);
        Assert.Equal(t3, payment.UpdatedAt);
        Assert.Equal(TestPayments.Now, payment.CreatedAt);
    }

    [Fact]
    public void Lifecycle_OpenQueryCaptureRefund_VersionCountsEveryChange()
    {
        var payment = TestPayments.Create();
        var now = TestPayments.Now;

        payment.Opened("prepay-1", null, "weixin://1", now = now.AddSeconds(1));
        payment.Retry(now.AddSeconds(15), failedAttempt: false, now = now.AddSeconds(15));
        payment.Succeed("txn-1", now = now.AddSeconds(5));
        payment.StartRefund(now = now.AddMinutes(1));
        payment.Retry(now.AddSeconds(1), failedAttempt: true, now = now.AddSeconds(1));
        payment.Refunded(now = now.AddSeconds(2));

        Assert.Equal(PaymentStatus.Refunded, payment.Status);
        Assert.Equal(7, payment.Version);
        Assert.Equal(0, payment.Attempts);
        Assert.Null(payment.NextCheckAt);
        Assert.Equal("txn-1", payment.ProviderReference);
        Assert.Equal(now, payment.UpdatedAt);
    }

    [Fact]
    public void RestoreToSnapshot_EveryField_RoundTrips()
    {
        var snapshot = new PaymentSnapshot(
            Id: 11,
            OrderId: 22,
            StoreId: "east",
            Provider: "wechatpay",
            Method: "jsapi",
            Amount: new Money(4_250, "CNY"),
            Status: PaymentStatus.Refunding,
            ProviderReference: "4200000001",
            PayUrl: "https://pay.example/p/11",
            CodeUrl: "weixin://wxpay/11",
            Version: 9,
            Attempts: 4,
            NextCheckAt: TestPayments.Now.AddMinutes(5),
            CreatedAt: TestPayments.Now.AddMinutes(-20),
            UpdatedAt: TestPayments.Now);

        var payment = Payment.Restore(snapshot);

        Assert.Equal(snapshot, payment.ToSnapshot());
        Assert.Equal(
            snapshot,
            new PaymentSnapshot(
                payment.Id, payment.OrderId, payment.StoreId, payment.Provider, payment.Method, payment.Amount, payment.Status,
                payment.ProviderReference, payment.PayUrl, payment.CodeUrl, payment.Version, payment.Attempts, payment.NextCheckAt,
                payment.CreatedAt, payment.UpdatedAt));
    }

    [Fact]
    public void RestoreToSnapshot_NullableFieldsEmpty_RoundTrips()
    {
        var snapshot = TestPayments.InStatus(PaymentStatus.Failed).ToSnapshot() with { Method = null };

        Assert.Null(snapshot.NextCheckAt);
        Assert.Null(snapshot.ProviderReference);
        Assert.Equal(snapshot, Payment.Restore(snapshot).ToSnapshot());
    }

    [Fact]
    public void ToSnapshot_LaterChanges_DoNotAlterEarlierSnapshot()
    {
        var payment = TestPayments.Create();
        var snapshot = payment.ToSnapshot();

        payment.Succeed("txn-1", Later);

        Assert.Equal(PaymentStatus.Pending, snapshot.Status);
        Assert.Equal(1, snapshot.Version);
        Assert.Null(snapshot.ProviderReference);
    }

    [Fact]
    public void Restore_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Payment.Restore(null!));
    }

    private static void Apply(Payment payment, string change, DateTimeOffset now)
    {
        switch (change)
        {
            case "opened":
                payment.Opened("prepay-2", "https://pay.example", null, now);
                break;
            case "retry":
                payment.Retry(now.AddSeconds(1), failedAttempt: true, now);
                break;
            case "succeed":
                payment.Succeed(null, now);
                break;
            case "fail":
                payment.Fail(now);
                break;
            case "close":
                payment.Close(now);
                break;
            case "start_refund":
                payment.StartRefund(now);
                break;
            case "refunded":
                payment.Refunded(now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
    }
}
