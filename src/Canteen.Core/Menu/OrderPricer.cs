using Canteen.Core.Ordering;
using Canteen.Core.Shared;

namespace Canteen.Core.Menu;

/// <summary>
/// Prices order lines from a store's menu snapshot. The server is the only source of prices: a line's unit price
/// is the dish's store price plus its options' deltas, and every rule of the modifier groups is checked.
/// </summary>
public static class OrderPricer
{
    public static PricingResult Price(StoreMenu menu, IReadOnlyList<LineRequest> lines)
    {
        ArgumentNullException.ThrowIfNull(menu);
        ArgumentNullException.ThrowIfNull(lines);
        var errors = new List<ValidationError>();
        var priced = new List<OrderLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = PriceLine(menu, lines[i], $"items[{i}]", errors);
            if (line is not null)
            {
                priced.Add(line);
            }
        }

        return errors.Count == 0 ? new PricingResult(priced, []) : new PricingResult([], errors);
    }

    private static OrderLine? PriceLine(StoreMenu menu, LineRequest request, string field, List<ValidationError> errors)
    {
        if (!menu.TryGetDish(request.DishId, out var dish))
        {
            errors.Add(new ValidationError($"{field}.dishId", $"Dish '{request.DishId}' is not on the menu."));
            return null;
        }

        if (!dish.Available)
        {
            errors.Add(new ValidationError($"{field}.dishId", $"Dish '{request.DishId}' is not sold at this store."));
            return null;
        }

        if (request.Quantity < 1)
        {
            errors.Add(new ValidationError($"{field}.quantity", "Quantity must be at least 1."));
            return null;
        }

        var selected = new List<SelectedOption>(request.OptionIds.Count);
        var countByGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        var errorCount = errors.Count;
        foreach (var optionId in request.OptionIds)
        {
            if (selected.Exists(o => o.Id == optionId))
            {
                errors.Add(new ValidationError($"{field}.options", $"Option '{optionId}' is chosen twice."));
                continue;
            }

            var (group, option) = FindOption(dish, optionId);
            if (group is null || option is null)
            {
                errors.Add(new ValidationError($"{field}.options", $"Option '{optionId}' does not belong to dish '{dish.Id}'."));
                continue;
            }

            countByGroup[group.Id] = countByGroup.GetValueOrDefault(group.Id) + 1;
            selected.Add(new SelectedOption(option.Id, option.Name, new Money(option.PriceDelta, dish.Price.Currency)));
        }

        foreach (var group in dish.ModifierGroups)
        {
            var count = countByGroup.GetValueOrDefault(group.Id);
            if (count < group.Min || count > group.Max)
            {
                errors.Add(new ValidationError(
                    $"{field}.options",
                    $"'{group.Name}' takes {Range(group)} option(s); {count} chosen."));
            }
        }

        if (errors.Count != errorCount)
        {
            return null;
        }

        var unitPrice = selected.Aggregate(dish.Price, (sum, o) => sum + o.PriceDelta);
        return new OrderLine(dish.Id, dish.Name, request.Quantity, unitPrice, selected, unitPrice * request.Quantity, request.Note);
    }

    private static (ModifierGroup? Group, ModifierOption? Option) FindOption(MenuDish dish, string optionId)
    {
        foreach (var group in dish.ModifierGroups)
        {
            foreach (var option in group.Options)
            {
                if (option.Id == optionId)
                {
                    return (group, option);
                }
            }
        }

        return (null, null);
    }

    private static string Range(ModifierGroup group) =>
        group.Min == group.Max ? $"exactly {group.Min}" : $"{group.Min} to {group.Max}";
}
