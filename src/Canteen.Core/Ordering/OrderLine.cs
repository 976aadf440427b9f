using Canteen.Core.Shared;

namespace Canteen.Core.Ordering;

/// <summary>A priced line of an order. Prices are frozen at placement so a later menu change does not alter it.</summary>
public sealed record OrderLine(
    string DishId,
    string Name,
    int Quantity,
    Money UnitPrice,
    IReadOnlyList<SelectedOption> Options,
    Money LineTotal,
    string? Note);
