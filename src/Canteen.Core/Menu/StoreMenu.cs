using System.Collections.Frozen;
using Canteen.Core.Shared;

namespace Canteen.Core.Menu;

/// <summary>
/// An immutable snapshot of one store's menu. It is built once when the catalog loads or changes and swapped
/// atomically, so pricing on the hot path is lock-free dictionary reads.
/// </summary>
public sealed class StoreMenu
{
    private readonly FrozenDictionary<string, MenuDish> _dishes;

    private StoreMenu(Store store, IReadOnlyList<Category> categories, IReadOnlyList<MenuDish> dishes)
    {
        Store = store;
        Categories = categories;
        Dishes = dishes;
        _dishes = dishes.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
    }

    public Store Store { get; }

    public IReadOnlyList<Category> Categories { get; }

    /// <summary>Every dish of the chain menu in category order, with this store's price and availability.</summary>
    public IReadOnlyList<MenuDish> Dishes { get; }

    public bool TryGetDish(string dishId, out MenuDish dish) => _dishes.TryGetValue(dishId, out dish!);

    public static StoreMenu Build(Store store, Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalog);
        var groups = catalog.ModifierGroups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        var settings = catalog.StoreSettings
            .Where(s => s.StoreId == store.Id)
            .ToDictionary(s => s.DishId, StringComparer.Ordinal);
        var categories = catalog.Categories.OrderBy(c => c.Sort).ToList();
        var sortOfCategory = categories.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        var dishes = new List<MenuDish>(catalog.Dishes.Count);
        foreach (var dish in catalog.Dishes.OrderBy(d => sortOfCategory.GetValueOrDefault(d.CategoryId, int.MaxValue)))
        {
            settings.TryGetValue(dish.Id, out var setting);
            var price = setting?.PriceOverride ?? dish.Price;
            var modifierGroups = dish.ModifierGroupIds.Select(id => groups.TryGetValue(id, out var g)
                ? g
                : throw new DomainException("catalog_invalid", $"Dish '{dish.Id}' names unknown modifier group '{id}'.")).ToList();
            dishes.Add(new MenuDish(
                dish.Id,
                dish.CategoryId,
                dish.Name,
                new Money(price, store.Currency),
                setting?.Available ?? true,
                dish.DailyPortions is not null,
                modifierGroups));
        }

        return new StoreMenu(store, categories, dishes);
    }
}
