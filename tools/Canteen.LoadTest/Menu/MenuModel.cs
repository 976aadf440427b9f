namespace Canteen.LoadTest.Menu;

/// <summary>A modifier group as the order builder needs it: how many of which options a line must name.</summary>
internal sealed record OptionGroup(string Id, int Min, int Max, IReadOnlyList<string> OptionIds);

/// <summary>A dish a store sells; limited dishes have stock that orders hold.</summary>
internal sealed record MenuDish(string Id, bool Limited, IReadOnlyList<OptionGroup> Groups);

/// <summary>What one store sells.</summary>
internal sealed record StoreMenu(string StoreId, IReadOnlyList<MenuDish> Dishes);
