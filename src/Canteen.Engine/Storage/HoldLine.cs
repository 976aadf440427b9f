namespace Canteen.Engine.Storage;

/// <summary>Portions of one limited dish held for one order.</summary>
public readonly record struct HoldLine(string DishId, int Quantity);
