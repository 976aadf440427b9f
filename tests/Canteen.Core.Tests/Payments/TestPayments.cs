using Canteen.Core.Payments;
using Canteen.Core.Shared;

namespace Canteen.Core.Tests.Payments;

/// <summary>Payments for state-machine and aggregate tests.</summary>
internal static class TestPayments
{
    public const long Id = 987_654_321;
    public const long OrderId = 123_456_789;

    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset FirstCheckAt = Now.AddSeconds(15);
    public static readonly Money Amount = new(2800, "CNY");

    public static Payment Create(string provider = "sandbox", string? method = "native") =>
        Payment.Create(Id, OrderId, "main", provider, method, Amount, Now, FirstCheckAt);

    /// <summary>The legal moves that take a new payment to <paramref name="status"/>.</summary>
    public static PaymentStatus[] PathTo(PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => [],
        PaymentStatus.Succeeded => [PaymentStatus.Succeeded],
        PaymentStatus.Failed => [PaymentStatus.Failed],
        PaymentStatus.Closed => [PaymentStatus.Closed],
        PaymentStatus.Refunding => [PaymentStatus.Succeeded, PaymentStatus.Refunding],
        PaymentStatus.Refunded => [PaymentStatus.Succeeded, PaymentStatus.Refunding, PaymentStatus.Refunded],
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>A new payment driven to <paramref name="status"/>, one minute per move.</summary>
    public static Payment InStatus(PaymentStatus status)
    {
        var payment = Create();
        var now = Now;
        foreach (var step in PathTo(status))
        {
            now = now.AddMinutes(1);
            MoveTo(payment, step, now);
        }

        return payment;
    }

    /// <summary>
    /// A payment in <paramref name="status"/> that also carries a schedule (failed attempts, a next check) and a
    /// provider reference, so a test can see whether a move resets or keeps them.
    /// </summary>
    public static Payment Busy(PaymentStatus status, int attempts = 3) => Payment.Restore(InStatus(status).ToSnapshot() with
    {
        Attempts = attempts,
        NextCheckAt = Now.AddHours(1),
        ProviderReference = "prepay-1",
    });

    /// <summary>Calls the method that moves a payment to <paramref name="to"/> (there is none for Pending).</summary>
    public static void MoveTo(Payment payment, PaymentStatus to, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payment);
        switch (to)
        {
            case PaymentStatus.Succeeded:
                payment.Succeed(null, now);
                break;
            case PaymentStatus.Failed:
                payment.Fail(now);
                break;
            case PaymentStatus.Closed:
                payment.Close(now);
                break;
            case PaymentStatus.Refunding:
                payment.StartRefund(now);
                break;
            case PaymentStatus.Refunded:
                payment.Refunded(now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(to), to, "No method moves a payment there.");
        }
    }
}
