using Canteen.Engine.Storage;

namespace Canteen.Engine.Inventory;

/// <summary>Try to hold portions for every line of one order; lines of unlimited dishes are ignored.</summary>
public sealed record HoldRequest(long OrderId, string StoreId, IReadOnlyList<HoldLine> Lines, DateTimeOffset Deadline);
