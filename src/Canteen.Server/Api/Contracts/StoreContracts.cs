namespace Canteen.Server.Api.Contracts;

public sealed record StoreDto(string Id, string Name, string City, string Currency);

public sealed record MenuDto(string StoreId, string Currency, IReadOnlyList<MenuCategoryDto> Categories);

public sealed record MenuCategoryDto(string Id, string Name, IReadOnlyList<MenuDishDto> Dishes);

/// <summary><see cref="Remaining"/> appears only for dishes with limited stock.</summary>
public sealed record MenuDishDto(
    string Id,
    string Name,
    long Price,
    bool Available,
    int? Remaining,
    IReadOnlyList<ModifierGroupDto> ModifierGroups);

public sealed record ModifierGroupDto(string Id, string Name, int Min, int Max, IReadOnlyList<ModifierOptionDto> Options);

public sealed record ModifierOptionDto(string Id, string Name, long PriceDelta);
