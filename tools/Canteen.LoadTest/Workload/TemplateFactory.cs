using System.Globalization;
using Canteen.LoadTest.Menu;

namespace Canteen.LoadTest.Workload;

/// <summary>Builds the pre-serialised order bodies of each scenario from a store's menu and its guests.</summary>
internal static class TemplateFactory
{
    public const int TemplatesPerStore = 256;

    // Lines per order: most guests order 1–3 dishes, a few order for the whole table.
    private static readonly double[] LineCountWeights = [0.25, 0.30, 0.25, 0.12, 0.08];

    public static IReadOnlyList<OrderTemplate> LunchRush(StoreMenu menu, IReadOnlyList<GuestPass> guests, Random random)
    {
        // A fixed shuffle decides which dishes are the popular ones; Zipf then skews orders towards them.
        var ranked = menu.Dishes.OrderBy(_ => random.Next()).ToArray();
        var zipf = new ZipfSampler(ranked.Length, 1.1);
        var templates = new List<OrderTemplate>(TemplatesPerStore);
        for (var i = 0; i < TemplatesPerStore; i++)
        {
            var lineCount = Math.Min(PickLineCount(random), ranked.Length);
            var chosen = new HashSet<string>(StringComparer.Ordinal);
            var lines = new List<OrderLine>(lineCount);
            for (var attempt = 0; lines.Count < lineCount && attempt < 50; attempt++)
            {
                var dish = ranked[zipf.Next(random)];
                if (chosen.Add(dish.Id))
                {
                    var quantity = random.NextDouble() switch { < 0.7 => 1, < 0.9 => 2, _ => 3 };
                    var note = random.NextDouble() < 0.1 ? "less oil" : null;
                    lines.Add(new OrderLine(dish, quantity, PickOptions(dish, random), note));
                }
            }

            templates.Add(Build(menu.StoreId, guests[i % guests.Count], lines));
        }

        return templates;
    }

    public static IReadOnlyList<OrderTemplate> FlashSale(StoreMenu menu, string dishId, IReadOnlyList<GuestPass> guests)
    {
        var dish = menu.Dishes.FirstOrDefault(d => d.Id == dishId)
            ?? throw new InvalidOperationException($"Store '{menu.StoreId}' does not sell '{dishId}'.");
        if (!dish.Limited)
        {
            throw new InvalidOperationException($"'{dishId}' has no limited stock in '{menu.StoreId}': a flash sale needs a limited dish.");
        }

        // The smallest valid choice of options: every guest asks for the same thing.
        var options = dish.Groups.SelectMany(g => g.OptionIds.Take(g.Min)).ToList();
        return guests.Select(g => Build(menu.StoreId, g, [new OrderLine(dish, 1, options, null)])).ToList();
    }

    /// <summary>Tables T01..Tnn of a store with no tokens, for runs without identity.</summary>
    public static IReadOnlyList<GuestPass> AnonymousGuests(string storeId, int count) =>
        Enumerable.Range(1, count).Select(i => new GuestPass(storeId, TableName(i), null)).ToList();

    public static string TableName(int number) => "T" + number.ToString("D2", CultureInfo.InvariantCulture);

    private static OrderTemplate Build(string storeId, GuestPass guest, IReadOnlyList<OrderLine> lines)
    {
        var limited = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.Dish.Limited))
        {
            limited[line.Dish.Id] = limited.GetValueOrDefault(line.Dish.Id) + line.Quantity;
        }

        var path = "/api/v1/stores/" + Uri.EscapeDataString(storeId) + "/orders";
        return new OrderTemplate(storeId, path, OrderBodyWriter.Write(guest.Table, lines), guest.Authorization, limited);
    }

    private static int PickLineCount(Random random)
    {
        var roll = random.NextDouble();
        for (var i = 0; i < LineCountWeights.Length; i++)
        {
            roll -= LineCountWeights[i];
            if (roll < 0)
            {
                return i + 1;
            }
        }

        return LineCountWeights.Length;
    }

    private static List<string> PickOptions(MenuDish dish, Random random)
    {
        var picked = new List<string>();
        foreach (var group in dish.Groups)
        {
            var count = random.Next(group.Min, Math.Min(group.Max, group.OptionIds.Count) + 1);
            picked.AddRange(group.OptionIds.OrderBy(_ => random.Next()).Take(count));
        }

        return picked;
    }
}
