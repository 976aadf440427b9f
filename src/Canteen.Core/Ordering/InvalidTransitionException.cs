using Canteen.Core.Shared;

namespace Canteen.Core.Ordering;

/// <summary>A move the order state machine does not allow, e.g. starting to cook an unpaid order.</summary>
public sealed class InvalidTransitionException : DomainException
{
    public InvalidTransitionException(OrderStatus from, OrderStatus to)
        : base("invalid_transition", $"An order that is {OrderStatusNames.ToWire(from)} cannot become {OrderStatusNames.ToWire(to)}.")
    {
        From = from;
        To = to;
    }

    public OrderStatus From { get; }

    public OrderStatus To { get; }
}
