using Canteen.Core.Ordering;
using Canteen.Engine.Errors;

namespace Canteen.Engine.Ordering;

/// <summary>
/// The result of placing an order. Refusals are values, not exceptions: in a flash sale most attempts are
/// <c>sold_out</c>, and that path should cost as little as the success path.
/// </summary>
public abstract record PlaceOrderOutcome
{
    public sealed record Placed(Order Order) : PlaceOrderOutcome;

    public sealed record Refused(Failure Failure) : PlaceOrderOutcome;
}
