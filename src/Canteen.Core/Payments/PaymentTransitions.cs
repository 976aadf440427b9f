namespace Canteen.Core.Payments;

/// <summary>
/// The payment state machine as one table. The provider is the authority on money: when it reports a capture, the
/// payment is <see cref="PaymentStatus.Succeeded"/> even if we had already written it off as failed or closed
/// (a late success), and the saga then refunds it if the order can no longer take it.
/// </summary>
public static class PaymentTransitions
{
    private static readonly Dictionary<PaymentStatus, PaymentStatus[]> Allowed = new()
    {
        [PaymentStatus.Pending] = [PaymentStatus.Succeeded, PaymentStatus.Failed, PaymentStatus.Closed],
        [PaymentStatus.Failed] = [PaymentStatus.Succeeded],
        [PaymentStatus.Closed] = [PaymentStatus.Succeeded],
        [PaymentStatus.Succeeded] = [PaymentStatus.Refunding],
        [PaymentStatus.Refunding] = [PaymentStatus.Refunded],
        [PaymentStatus.Refunded] = [],
    };

    public static bool IsAllowed(PaymentStatus from, PaymentStatus to) =>
        Allowed.TryGetValue(from, out var targets) && Array.IndexOf(targets, to) >= 0;

    /// <summary>True once the provider has taken the money (whether or not it has gone back since).</summary>
    public static bool IsCaptured(PaymentStatus status) =>
        status is PaymentStatus.Succeeded or PaymentStatus.Refunding or PaymentStatus.Refunded;
}
