namespace Canteen.Core.Ordering;

/// <summary>Where an order is in its lifecycle; <see cref="OrderTransitions"/> says which moves are allowed.</summary>
public enum OrderStatus
{
    Created,
    Paying,
    Paid,
    Preparing,
    Ready,
    Completed,
    Cancelled,
    Refunded,
}
