using Canteen.Core.Shared;

namespace Canteen.Core.Payments;

/// <summary>A move the payment state machine does not allow, e.g. refunding a payment that never captured money.</summary>
public sealed class InvalidPaymentTransitionException : DomainException
{
    public InvalidPaymentTransitionException(PaymentStatus from, PaymentStatus to)
        : base("invalid_transition", $"A payment that is {PaymentStatusNames.ToWire(from)} cannot become {PaymentStatusNames.ToWire(to)}.")
    {
        From = from;
        To = to;
    }

    public PaymentStatus From { get; }

    public PaymentStatus To { get; }
}
