namespace Canteen.Core.Menu;

/// <summary>The chain's whole menu and its stores, as loaded from storage: the input to every <see cref="StoreMenu"/>.</summary>
public sealed record Catalog(
    IReadOnlyList<Store> Stores,
    IReadOnlyList<Category> Categories,
    IReadOnlyList<ModifierGroup> ModifierGroups,
    IReadOnlyList<Dish> Dishes,
    IReadOnlyList<StoreDishSetting> StoreSettings);
