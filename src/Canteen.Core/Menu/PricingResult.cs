using Canteen.Core.Ordering;
using Canteen.Core.Shared;

namespace Canteen.Core.Menu;

/// <summary>The priced lines of an order, or every reason it cannot be priced.</summary>
public sealed record PricingResult(IReadOnlyList<OrderLine> Lines, IReadOnlyList<ValidationError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
