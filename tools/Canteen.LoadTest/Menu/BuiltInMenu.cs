namespace Canteen.LoadTest.Menu;

/// <summary>
/// A sample of the demo chain's menu, for servers that take orders but serve no menu (the hello and naive
/// baselines), so they receive request bodies of the same shape and size as Canteen does.
/// </summary>
internal static class BuiltInMenu
{
    private static readonly OptionGroup Spice = new("spice", 1, 1, ["spice-mild", "spice-medium", "spice-hot"]);
    private static readonly OptionGroup Size = new("size", 1, 1, ["size-regular", "size-large"]);
    private static readonly OptionGroup AddOns = new("add-ons", 0, 3, ["addon-egg", "addon-beef", "addon-bok-choy", "addon-noodles"]);

    private static readonly MenuDish[] Dishes =
    [
        new("braised-pork", true, [Size]),
        new("peking-duck", true, []),
        new("crayfish", true, [Spice]),
        new("mapo-tofu", false, [Spice, Size]),
        new("kung-pao-chicken", false, [Spice, Size]),
        new("dan-dan-noodles", false, [Spice, Size, AddOns]),
        new("beef-noodle-soup", false, [Spice, Size, AddOns]),
        new("yangzhou-fried-rice", false, [Size, AddOns]),
        new("xiaolongbao", false, []),
        new("har-gow", false, []),
        new("garlic-bok-choy", false, []),
        new("hot-sour-soup", false, [Spice, Size]),
        new("tsingtao-beer", false, []),
    ];

    public static IReadOnlyList<StoreMenu> Stores { get; } =
    [
        new("sh-jingan", Dishes),
        new("cd-chunxi", Dishes),
        new("bj-sanlitun", Dishes),
    ];
}
