using Canteen.Core.Inventory;

namespace Canteen.Engine.Inventory;

/// <summary>The level after a total change, or why it was refused.</summary>
public sealed record SetTotalResult(bool Succeeded, StockLevel Level, bool NotLimited);
