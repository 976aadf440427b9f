using Canteen.Core.Menu;

namespace Canteen.Integration.Tests.Support;

/// <summary>
/// A small hand-made catalog. Lists are deliberately not in id or sort order, so a loader that sorts by anything
/// but the written order is caught.
/// </summary>
internal static class TestCatalog
{
    /// <summary>The one limited dish: 20 portions a day, not sold in store s2.</summary>
    public const string LimitedDish = "duck";

    public const int LimitedPortions = 20;

    public static Catalog Create() => new(
        Stores:
        [
            new Store("s2", "Riverside", "Chengdu", "CNY", "Asia/Shanghai"),
            new Store("s1", "Downtown", "Chengdu", "CNY", "Asia/Shanghai"),
        ],
        Categories:
        [
            new Category("mains", "Mains", 2),
            new Category("drinks", "Drinks", 1),
        ],
        ModifierGroups:
        [
            new ModifierGroup("spice", "Spice level", 1, 1, [new("mild", "Mild", 0), new("hot", "Hot", 0), new("extra", "Extra hot", 100)]),
            new ModifierGroup("addons", "Add-ons", 0, 2, [new("egg", "Egg", 200), new("beef", "Beef", 600)]),
        ],
        Dishes:
        [
            new Dish("noodles", "mains", "担担面", 2800, ["spice", "addons"]),
            new Dish(LimitedDish, "mains", "Roast duck", 8800, [], LimitedPortions),
            new Dish("tea", "drinks", "Jasmine tea", 600, []),
        ],
        StoreSettings:
        [
            new StoreDishSetting("s2", LimitedDish, false, null),
            new StoreDishSetting("s1", "tea", true, 500),
        ]);
}
