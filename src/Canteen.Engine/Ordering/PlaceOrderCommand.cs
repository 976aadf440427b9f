using Canteen.Core.Menu;
using Canteen.Core.Ordering;

namespace Canteen.Engine.Ordering;

/// <summary>A guest's order as parsed at the edge. There is no price in it on purpose.</summary>
public sealed record PlaceOrderCommand(
    string StoreId,
    string OwnerId,
    OrderType Type,
    string? Table,
    string? Note,
    IReadOnlyList<LineRequest> Lines);
