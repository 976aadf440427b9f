using Canteen.Core.Menu;

namespace Canteen.Engine.Catalog;

/// <summary>
/// The menu of a small demo chain (three stores in Shanghai, Chengdu and Beijing), used to seed an empty database
/// and by tests and benchmarks that need realistic data. Prices are in fen: <c>2800</c> is ¥28.00.
/// </summary>
/// <remarks>
/// Plain data on purpose: every call returns a new <see cref="Canteen.Core.Menu.Catalog"/> built from the static
/// lists below, so a caller can never change what the next caller gets.
/// </remarks>
public static partial class DemoCatalog
{
    private const string Currency = "CNY";
    private const string TimeZone = "Asia/Shanghai";

    private const string Shanghai = "sh-jingan";
    private const string Chengdu = "cd-chunxi";
    private const string Beijing = "bj-sanlitun";

    private const string Noodles = "noodles";
    private const string Rice = "rice";
    private const string DimSum = "dim-sum";
    private const string Signature = "signature";
    private const string Vegetables = "vegetables";
    private const string Soups = "soups";
    private const string Drinks = "drinks";

    private const string Spice = "spice";
    private const string Size = "size";
    private const string AddOns = "add-ons";
    private const string Sweetness = "sweetness";
    private const string Ice = "ice";

    private static readonly Store[] Stores =
    [
        new(Shanghai, "Canteen Jing'an 静安店", "Shanghai", Currency, TimeZone),
        new(Chengdu, "Canteen Chunxi Road 春熙路店", "Chengdu", Currency, TimeZone),
        new(Beijing, "Canteen Sanlitun 三里屯店", "Beijing", Currency, TimeZone),
    ];

    private static readonly Category[] Categories =
    [
        new(Signature, "Signature 招牌菜", 10),
        new(Noodles, "Noodles 面食", 20),
        new(Rice, "Rice 米饭", 30),
        new(DimSum, "Dim Sum 点心", 40),
        new(Vegetables, "Vegetables 素菜", 50),
        new(Soups, "Soups 汤", 60),
        new(Drinks, "Drinks 饮品", 70),
    ];

    // Option ids are unique across all groups so an order line can name options without naming their group.
    private static readonly ModifierGroup[] ModifierGroups =
    [
        new(Spice, "Spice level 辣度", 1, 1,
        [
            new("spice-mild", "Mild 微辣", 0),
            new("spice-medium", "Medium 中辣", 0),
            new("spice-hot", "Hot 特辣", 0),
        ]),
        new(Size, "Size 份量", 1, 1,
        [
            new("size-regular", "Regular 标准份", 0),
            new("size-large", "Large 大份", 500),
        ]),
        new(AddOns, "Add-ons 加料", 0, 3,
        [
            new("addon-egg", "Fried egg 煎蛋", 300),
            new("addon-beef", "Extra beef 加牛肉", 800),
            new("addon-bok-choy", "Bok choy 青菜", 200),
            new("addon-noodles", "Extra noodles 加面", 300),
            new("addon-tofu", "Fried tofu 油豆腐", 200),
        ]),
        new(Sweetness, "Sweetness 甜度", 0, 1,
        [
            new("sweet-none", "No sugar 无糖", 0),
            new("sweet-less", "Less sugar 少糖", 0),
            new("sweet-regular", "Regular sugar 正常糖", 0),
        ]),
        new(Ice, "Ice 冰量", 0, 1,
        [
            new("ice-none", "No ice 去冰", 0),
            new("ice-less", "Less ice 少冰", 0),
            new("ice-regular", "Regular ice 正常冰", 0),
        ]),
    ];

    // Each store's deviations from the chain menu; every dish not listed here is sold everywhere at its chain price.
    private static readonly StoreDishSetting[] StoreSettings =
    [
        // Beijing is the duck's home town: it sells the half duck cheaper, and the local noodles too.
        new(Beijing, "peking-duck", Available: true, PriceOverride: 9800),
        new(Beijing, "zhajiang-noodles", Available: true, PriceOverride: 2500),
        new(Beijing, "squirrel-fish", Available: false, PriceOverride: null),

        // Chengdu does not make the Shanghai specialities, and undercuts the chain on its own mapo tofu.
        new(Chengdu, "shengjian-bao", Available: false, PriceOverride: null),
        new(Chengdu, "squirrel-fish", Available: false, PriceOverride: null),
        new(Chengdu, "mapo-tofu", Available: true, PriceOverride: 2800),

        // Shanghai's kitchen has no Chongqing noodle station.
        new(Shanghai, "chongqing-xiaomian", Available: false, PriceOverride: null),
    ];

    /// <summary>A new catalog with the demo chain's stores, categories, modifier groups, dishes and store settings.</summary>
    public static Canteen.Core.Menu.Catalog Create() =>
        new([.. Stores], [.. Categories], [.. ModifierGroups], [.. Dishes], [.. StoreSettings]);
}
