namespace Canteen.Core.Menu;

/// <summary>What a guest asked for on one line: a dish, how many, which options. Prices are never taken from the client.</summary>
public sealed record LineRequest(string DishId, int Quantity, IReadOnlyList<string> OptionIds, string? Note);
