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
            var line = PriceLine(menu, lines[i], i, errors);
            if (line is not null)
            {
                priced.Add(line);
            }
        }

        return errors.Count == 0 ? new PricingResult(priced, []) : new PricingResult([], errors);
    }

    // Runs for every line of every order: what only an error needs (the field's name, messages) is made only then, and
    // the per-group counts live on the stack (a dish has a handful of groups), not in a dictionary.
    private static OrderLine? PriceLine(StoreMenu menu, LineRequest request, int index, List<ValidationError> errors)
    {
        if (!menu.TryGetDish(request.DishId, out var dish))
        {
            errors.Add(new ValidationError($"{Field(index)}.dishId", $"Dish '{request.DishId}' is not on the menu."));
            return null;
        }

        if (!dish.Available)
        {
            errors.Add(new ValidationError($"{Field(index)}.dishId", $"Dish '{request.DishId}' is not sold at this store."));
            return null;
        }

        if (request.Quantity < 1)
        {
            errors.Add(new ValidationError($"{Field(index)}.quantity", "Quantity must be at least 1."));
            return null;
        }

        var groups = dish.ModifierGroups;
        Span<int> countByGroup = groups.Count <= 16 ? stackalloc int[groups.Count] : new int[groups.Count];
        var selected = new List<SelectedOption>(request.OptionIds.Count);
        var unitPrice = dish.Price;
        var errorCount = errors.Count;
        foreach (var optionId in request.OptionIds)
        {
            if (IsChosen(selected, optionId))
            {
                errors.Add(new ValidationError($"{Field(index)}.options", $"Option '{optionId}' is chosen twice."));
                continue;
            }

            var (group, option) = FindOption(groups, optionId);
            if (option is null)
            {
                errors.Add(new ValidationError($"{Field(index)}.options", $"Option '{optionId}' does not belong to dish '{dish.Id}'."));
                continue;
            }

            countByGroup[group]++;
            var delta = new Money(option.PriceDelta, dish.Price.Currency);
            selected.Add(new SelectedOption(option.Id, option.Name, delta));
            unitPrice += delta;
        }

        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var count = countByGroup[g];
            if (count < group.Min || count > group.Max)
            {
                errors.Add(new ValidationError(
                    $"{Field(index)}.options",
                    $"'{group.Name}' takes {Range(group)} option(s); {count} chosen."));
            }
        }

        if (errors.Count != errorCount)
        {
            return null;
        }

        return new OrderLine(dish.Id, dish.Name, request.Quantity, unitPrice, selected, unitPrice * request.Quantity, request.Note);
    }

    private static string Field(int index) => $"items[{index}]";

    private static bool IsChosen(List<SelectedOption> selected, string optionId)
    {
        foreach (var option in selected)
        {
            if (option.Id == optionId)
            {
                return true;
            }
        }

        return false;
    }

    private static (int Group, ModifierOption? Option) FindOption(IReadOnlyList<ModifierGroup> groups, string optionId)
    {
        for (var g = 0; g < groups.Count; g++)
        {
            var options = groups[g].Options;
            for (var o = 0; o < options.Count; o++)
            {
                if (options[o].Id == optionId)
                {
                    return (g, options[o]);
                }
            }
        }

        return (-1, null);
    }

    private static string Range(ModifierGroup group) =>
        group.Min == group.Max ? $"exactly {group.Min}" : $"{group.Min} to {group.Max}";
}
