using Canteen.Core.Menu;
using Canteen.Engine.Catalog;
using Canteen.Engine.Errors;
using Canteen.Engine.Inventory;
using Canteen.Server.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Canteen.Server.Api;

/// <summary>Stores and their menus (public).</summary>
public static class StoresApi
{
    public static IEndpointRouteBuilder MapStoresApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/stores").WithTags("Stores").AllowAnonymous();
        group.MapGet("/", ListStores).WithName("ListStores");
        group.MapGet("/{storeId}/menu", GetMenu).WithName("GetMenu");
        return routes;
    }

    private static Ok<IReadOnlyList<StoreDto>> ListStores(MenuCache menus) =>
        TypedResults.Ok<IReadOnlyList<StoreDto>>(menus.Stores.Select(s => new StoreDto(s.Id, s.Name, s.City, s.Currency)).ToList());

    private static async Task<Results<Ok<MenuDto>, ProblemHttpResult>> GetMenu(
        string storeId, MenuCache menus, IStockAuthority stock, HttpContext context, CancellationToken cancellationToken)
    {
        if (!menus.TryGet(storeId, out var menu))
        {
            return Problems.From(Failure.NotFound($"Store '{storeId}'"), context);
        }

        var levels = (await stock.GetLevelsAsync(storeId, cancellationToken)).ToDictionary(l => l.DishId, StringComparer.Ordinal);
        var categories = menu.Categories
            .Select(c => new MenuCategoryDto(c.Id, c.Name, menu.Dishes
                .Where(d => d.CategoryId == c.Id && d.Available)
                .Select(d => ToDto(d, levels.TryGetValue(d.Id, out var level) ? level.Available : null))
                .ToList()))
            .Where(c => c.Dishes.Count > 0)
            .ToList();
        return TypedResults.Ok(new MenuDto(menu.Store.Id, menu.Store.Currency, categories));
    }

    private static MenuDishDto ToDto(MenuDish dish, int? remaining) => new(
        dish.Id,
        dish.Name,
        dish.Price.Minor,
        dish.Available && remaining is not 0,
        remaining,
        dish.ModifierGroups
            .Select(g => new ModifierGroupDto(g.Id, g.Name, g.Min, g.Max, g.Options.Select(o => new ModifierOptionDto(o.Id, o.Name, o.PriceDelta)).ToList()))
            .ToList());
}
