using Canteen.Engine.Inventory;
using Canteen.Server.Api.Contracts;
using Canteen.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Canteen.Server.Api;

/// <summary>Operator tools: checks of the system's own invariants (admin only: it reveals every store's stock).</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin").WithTags("Admin").RequireAuthorization(CanteenPolicies.Admin);
        group.MapGet("/stock/invariant", CheckStockInvariant).WithName("CheckStockInvariant");
        return routes;
    }

    private static async Task<Ok<StockInvariantDto>> CheckStockInvariant(StockInvariantChecker checker, CancellationToken cancellationToken)
    {
        var report = await checker.CheckAsync(cancellationToken);
        return TypedResults.Ok(new StockInvariantDto(
            report.Ok,
            report.CheckedDishes,
            report.Violations.Select(ToDto).ToList(),
            report.Pending.Select(ToDto).ToList()));
    }

    private static StockViolationDto ToDto(StockInvariantViolation v) => new(
        v.StoreId,
        v.DishId,
        v.Reason,
        v.Detail,
        v.Level?.Total,
        v.Level?.Available,
        v.Level?.Reserved,
        v.Level?.Sold,
        v.StoredTotal,
        v.HeldByLiveOrders,
        v.SoldByOrders);
}
