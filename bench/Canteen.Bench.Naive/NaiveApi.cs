using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Canteen.Bench.Naive;

/// <summary>The routes the load tool drives and verifies, answering as Canteen does (201 + Location, problem codes).</summary>
internal static class NaiveApi
{
    public static IEndpointRouteBuilder MapNaiveApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/stores/{storeId}/orders", PlaceAsync);
        routes.MapGet("/api/v1/orders/{orderId}", GetAsync);
        routes.MapGet("/api/v1/stores/{storeId}/stock", async (string storeId, NaiveOrderStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.StockAsync(storeId, ct)));
        return routes;
    }

    private static async Task<Results<Created<NaiveOrder>, ProblemHttpResult>> PlaceAsync(
        string storeId, NaiveOrderRequest request, HttpContext context, NaiveOrderStore store, CancellationToken cancellationToken)
    {
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length is 0 or > 255)
        {
            return Problem(400, "idempotency_key_missing");
        }

        if (request.Items is not { Count: > 0 and <= 50 } items
            || items.Any(i => i?.DishId is null || i.Quantity is not (>= 1 and <= 99)))
        {
            return Problem(400, "validation_failed");
        }

        var order = await store.PlaceAsync(storeId, key, request, cancellationToken);
        return order is null ? Problem(409, "sold_out") : TypedResults.Created("/api/v1/orders/" + order.Id, order);
    }

    private static async Task<Results<Ok<NaiveOrder>, ProblemHttpResult>> GetAsync(string orderId, NaiveOrderStore store, CancellationToken cancellationToken)
    {
        var order = long.TryParse(orderId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await store.GetAsync(id, cancellationToken)
            : null;
        return order is null ? Problem(404, "not_found") : TypedResults.Ok(order);
    }

    private static ProblemHttpResult Problem(int status, string code) =>
        TypedResults.Problem(statusCode: status, title: code, extensions: new Dictionary<string, object?> { ["code"] = code });
}
