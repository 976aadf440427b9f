namespace Canteen.Core.Payments;

/// <summary>Where a payment is; <see cref="PaymentTransitions"/> says which moves are allowed.</summary>
public enum PaymentStatus
{
    /// <summary>Created (at the provider, or about to be); the guest has not paid yet.</summary>
    Pending,

    /// <summary>The provider captured the money.</summary>
    Succeeded,

    /// <summary>The provider declined, or never heard of it; no money moved.</summary>
    Failed,

    /// <summary>Closed at the provider after the order's deadline; no money moved.</summary>
    Closed,

    /// <summary>Captured, and owed back: a refund is being sent to the provider until it succeeds.</summary>
    Refunding,

    /// <summary>The money went back.</summary>
    Refunded,
}
