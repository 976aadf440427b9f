using Canteen.Core.Menu;

namespace Canteen.Core.Tests.Menu;

/// <summary>
/// A small hand-built catalog whose every number is easy to add up in a test. Categories are listed out of
/// sort order on purpose, so menu building has to sort them.
/// </summary>
internal static class TestCatalog
{
    public static readonly Store Main = new("main", "Main Street", "Shanghai", "CNY", "Asia/Shanghai");
    public static readonly Store Other = new("other", "Other Street", "Chengdu", "CNY", "Asia/Shanghai");

    public static Catalog Create(IReadOnlyList<Dish>? extraDishes = null) => new(
        [Main, Other],
        [
            new("mains", "Mains", 20),
            new("drinks", "Drinks", 10),
            new("sides", "Sides", 30),
        ],
        [
            new("spice", "Spice", 1, 1, [new("spice-mild", "Mild", 0), new("spice-hot", "Hot", 0)]),
            new("size", "Size", 1, 1, [new("size-regular", "Regular", 0), new("size-large", "Large", 500)]),
            new("addons", "Add-ons", 0, 2,
            [
                new("addon-egg", "Egg", 300),
                new("addon-beef", "Beef", 800),
                new("addon-tofu", "Tofu", 200),
            ]),
            new("sweetness", "Sweetness", 0, 1, [new("sweet-less", "Less sugar", 0)]),
        ],
        [
            new("noodles", "mains", "Noodles", 2600, ["spice", "size", "addons"]),
            new("rice", "mains", "Rice", 300, []),
            new("duck", "mains", "Duck", 12800, [], DailyPortions: 20),
            new("tea", "drinks", "Tea", 1200, ["sweetness"]),
            new("cucumber", "sides", "Cucumber", 1600, ["spice"]),
            new("closed", "sides", "Closed at Main", 1000, []),
            .. extraDishes ?? [],
        ],
        [
            new("main", "duck", Available: true, PriceOverride: 9800),
            new("main", "closed", Available: false, PriceOverride: null),
            new("other", "noodles", Available: true, PriceOverride: 3000),
        ]);

    public static StoreMenu MainMenu() => StoreMenu.Build(Main, Create());

    public static StoreMenu OtherMenu() => StoreMenu.Build(Other, Create());
}
