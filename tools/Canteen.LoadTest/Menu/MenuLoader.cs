using System.Net;
using System.Text.Json;

namespace Canteen.LoadTest.Menu;

/// <summary>Reads the stores and menus the server serves, so request bodies name dishes and options it knows.</summary>
internal static class MenuLoader
{
    /// <summary>The server's menus, or <c>null</c> when it serves none (404): the caller falls back to a sample.</summary>
    public static async Task<IReadOnlyList<StoreMenu>?> LoadAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var stores = await client.GetAsync(new Uri("/api/v1/stores", UriKind.Relative), cancellationToken);
        if (stores.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            return null;
        }

        stores.EnsureSuccessStatusCode();
        using var list = JsonDocument.Parse(await stores.Content.ReadAsStreamAsync(cancellationToken));
        var menus = new List<StoreMenu>();
        foreach (var store in list.RootElement.EnumerateArray())
        {
            var id = store.GetProperty("id").GetString()!;
            var path = new Uri($"/api/v1/stores/{Uri.EscapeDataString(id)}/menu", UriKind.Relative);
            using var menu = JsonDocument.Parse(await client.GetStreamAsync(path, cancellationToken));
            menus.Add(new StoreMenu(id, ReadDishes(menu.RootElement)));
        }

        return menus;
    }

    private static List<MenuDish> ReadDishes(JsonElement menu)
    {
        var dishes = new List<MenuDish>();
        foreach (var category in menu.GetProperty("categories").EnumerateArray())
        {
            foreach (var dish in category.GetProperty("dishes").EnumerateArray())
            {
                // Limited dishes are the ones with a "remaining" count; sold-out ones stay in: guests still ask for them.
                var limited = dish.TryGetProperty("remaining", out var remaining) && remaining.ValueKind == JsonValueKind.Number;
                var groups = dish.GetProperty("modifierGroups").EnumerateArray()
                    .Select(g => new OptionGroup(
                        g.GetProperty("id").GetString()!,
                        g.GetProperty("min").GetInt32(),
                        g.GetProperty("max").GetInt32(),
                        g.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList()))
                    .ToList();
                dishes.Add(new MenuDish(dish.GetProperty("id").GetString()!, limited, groups));
            }
        }

        return dishes;
    }
}
