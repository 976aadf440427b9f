namespace Canteen.Core.Menu;

/// <summary>
/// A chain-level dish. <see cref="Price"/> is in minor units of the store's currency; a store may override it.
/// <see cref="DailyPortions"/> is set for limited dishes (stock is held for them), null for unlimited ones.
/// </summary>
public sealed record Dish(
    string Id,
    string CategoryId,
    string Name,
    long Price,
    IReadOnlyList<string> ModifierGroupIds,
    int? DailyPortions = null);
