using Canteen.Core.Menu;

namespace Canteen.Engine.Catalog;

public static partial class DemoCatalog
{
    // Grouped by category; within a category the menu shows dishes in this order.
    private static readonly Dish[] Dishes =
    [
        // Limited dishes (DailyPortions set) are cooked in fixed batches each day, so stock is held for them.
        new("braised-pork", Signature, "Braised Pork Belly 红烧肉", 5800, [Size], DailyPortions: 50),
        new("peking-duck", Signature, "Peking Duck (half) 北京烤鸭（半只）", 12800, [], DailyPortions: 20),
        new("crayfish", Signature, "Spicy Crayfish 麻辣小龙虾", 16800, [Spice], DailyPortions: 30),
        new("squirrel-fish", Signature, "Squirrel Mandarin Fish 松鼠鳜鱼", 13800, [], DailyPortions: 15),
        new("mapo-tofu", Signature, "Mapo Tofu 麻婆豆腐", 3200, [Spice, Size]),
        new("kung-pao-chicken", Signature, "Kung Pao Chicken 宫保鸡丁", 4200, [Spice, Size]),
        new("boiled-fish", Signature, "Sichuan Boiled Fish 水煮鱼", 8800, [Spice, Size]),
        new("twice-cooked-pork", Signature, "Twice-cooked Pork 回锅肉", 4600, [Spice, Size]),
        new("sweet-sour-pork", Signature, "Sweet and Sour Pork 糖醋里脊", 4800, [Size]),

        new("dan-dan-noodles", Noodles, "Dan Dan Noodles 担担面", 2600, [Spice, Size, AddOns]),
        new("beef-noodle-soup", Noodles, "Braised Beef Noodle Soup 红烧牛肉面", 3400, [Spice, Size, AddOns]),
        new("chongqing-xiaomian", Noodles, "Chongqing Noodles 重庆小面", 2400, [Spice, Size, AddOns]),
        new("biangbiang-noodles", Noodles, "Biangbiang Noodles 油泼扯面", 3000, [Spice, Size, AddOns]),
        new("zhajiang-noodles", Noodles, "Zhajiang Noodles 炸酱面", 2800, [Size, AddOns]),
        new("scallion-oil-noodles", Noodles, "Scallion Oil Noodles 葱油拌面", 2200, [Size, AddOns]),

        new("yangzhou-fried-rice", Rice, "Yangzhou Fried Rice 扬州炒饭", 3200, [Size, AddOns]),
        new("egg-fried-rice", Rice, "Egg Fried Rice 蛋炒饭", 2200, [Size, AddOns]),
        new("char-siu-rice", Rice, "Char Siu Rice 叉烧饭", 3600, [Size]),
        new("claypot-rice", Rice, "Cantonese Claypot Rice 煲仔饭", 4200, []),
        new("steamed-rice", Rice, "Steamed Rice 白米饭", 300, []),

        new("xiaolongbao", DimSum, "Xiaolongbao 小笼包", 3200, []),
        new("shengjian-bao", DimSum, "Pan-fried Pork Buns 生煎包", 2600, []),
        new("har-gow", DimSum, "Shrimp Dumplings 虾饺", 3400, []),
        new("siu-mai", DimSum, "Siu Mai 烧卖", 2800, []),
        new("chili-oil-wontons", DimSum, "Wontons in Chili Oil 红油抄手", 2600, [Spice]),
        new("pork-chive-dumplings", DimSum, "Pork and Chive Dumplings 韭菜猪肉水饺", 2800, [Size]),
        new("spring-rolls", DimSum, "Spring Rolls 春卷", 1800, []),

        new("dry-fried-green-beans", Vegetables, "Dry-fried Green Beans 干煸四季豆", 2800, [Spice]),
        new("fish-fragrant-eggplant", Vegetables, "Fish-fragrant Eggplant 鱼香茄子", 3000, [Spice, Size]),
        new("garlic-bok-choy", Vegetables, "Garlic Bok Choy 蒜蓉青菜", 2200, []),
        new("tomato-egg", Vegetables, "Tomato and Egg Stir-fry 番茄炒蛋", 2400, [Size]),
        new("smashed-cucumber", Vegetables, "Smashed Cucumber Salad 拍黄瓜", 1600, [Spice]),

        new("hot-sour-soup", Soups, "Hot and Sour Soup 酸辣汤", 1800, [Spice, Size]),
        new("wonton-soup", Soups, "Wonton Soup 馄饨汤", 2200, [Size]),
        new("pork-rib-corn-soup", Soups, "Pork Rib and Corn Soup 玉米排骨汤", 3200, [Size]),
        new("seaweed-egg-soup", Soups, "Seaweed and Egg Soup 紫菜蛋花汤", 1200, []),

        new("soy-milk", Drinks, "Soy Milk 豆浆", 800, [Sweetness, Ice]),
        new("sour-plum-drink", Drinks, "Sour Plum Drink 酸梅汤", 1000, [Sweetness, Ice]),
        new("jasmine-tea", Drinks, "Jasmine Tea 茉莉花茶", 1200, [Sweetness, Ice]),
        new("milk-tea", Drinks, "Milk Tea 奶茶", 1500, [Sweetness, Ice]),
        new("tsingtao-beer", Drinks, "Tsingtao Beer 青岛啤酒", 1500, []),
    ];
}
