using Canteen.Core.Inventory;
using Canteen.Core.Shared;
using Canteen.Engine.Errors;
using Canteen.Engine.Inventory;
using Canteen.Server.Api.Contracts;
using Canteen.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Canteen.Server.Api;

/// <summary>Limited dishes' stock levels and today's totals (staff of the store; kitchen reads).</summary>
public static class StockApi
{
    public static IEndpointRouteBuilder MapStockApi(this IEndpointRouteBuilder routes)
    {
        // Kitchen may read levels (what is about to sell out); only staff and admin change them. Store scope on both.
        var group = routes.MapGroup("/stores/{storeId}/stock").WithTags("Stock").AddEndpointFilter<StoreScopeFilter>();
        group.MapGet("/", GetLevels).WithName("GetStock").RequireAuthorization(CanteenPolicies.Kitchen);
        group.MapPut("/{dishId}", SetTotal).WithName("SetStockTotal").RequireAuthorization(CanteenPolicies.Staff);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<StockLevelDto>>> GetLevels(
        string storeId, StockService stock, CancellationToken cancellationToken)
    {
        var levels = await stock.GetLevelsAsync(storeId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<StockLevelDto>>(levels.Select(ToDto).ToList());
    }

    private static async Task<Results<Ok<StockLevelDto>, ProblemHttpResult>> SetTotal(
        string storeId, string dishId, HttpContext context, StockService stock, CancellationToken cancellationToken)
    {
        var (request, problem) = await RequestBody.ReadAsync(context, ApiJsonContext.Default.SetStockTotalRequest, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (request?.Total is not { } total || total < 0 || total > StockLimits.MaxPortions)
        {
            return Problems.From(
                Failure.Invalid([new ValidationError("total", $"total must be a whole number from 0 to {StockLimits.MaxPortions}.")]),
                context);
        }

        var level = await stock.SetTotalAsync(storeId, dishId, total, cancellationToken);
        return TypedResults.Ok(ToDto(level));
    }

    private static StockLevelDto ToDto(StockLevel level) => new(level.DishId, level.Total, level.Available, level.Reserved, level.Sold);
}
