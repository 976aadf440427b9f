using System.Globalization;
using System.Text.Json;
using Canteen.Core.Ordering;
using Canteen.Core.Shared;
using Canteen.Engine.Errors;
using Canteen.Engine.Idempotency;
using Canteen.Engine.Ordering;
using Canteen.Server.Api.Contracts;
using Canteen.Server.Auth;
using Canteen.Server.Edge;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Canteen.Server.Api;

/// <summary>Placing orders (the hot path), reading them, and moving them through their lifecycle.</summary>
public static class OrdersApi
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder routes)
    {
        // Store-level rules by role and store scope; order-level rules (whose order) in the handlers via OrderAccess.
        var stores = routes.MapGroup("/stores/{storeId}/orders").WithTags("Orders").AddEndpointFilter<StoreScopeFilter>();
        stores.MapPost("/", PlaceOrder).WithName("PlaceOrder").RequireAuthorization(CanteenPolicies.PlaceOrders)
            .AddEndpointFilter<DistributedCallerLimit>()
            .Produces<OrderDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        stores.MapGet("/", ListOrders).WithName("ListOrders").RequireAuthorization(CanteenPolicies.Kitchen);

        var orders = routes.MapGroup("/orders/{orderId}").WithTags("Orders");
        orders.MapGet("/", GetOrder).WithName("GetOrder").RequireAuthorization(CanteenPolicies.ReadOrders);
        orders.MapPost("/cancel", Cancel).WithName("CancelOrder").RequireAuthorization(CanteenPolicies.CancelOrders);
        orders.MapPost("/start", Start).WithName("StartOrder").RequireAuthorization(CanteenPolicies.Kitchen);
        orders.MapPost("/ready", Ready).WithName("MarkOrderReady").RequireAuthorization(CanteenPolicies.Kitchen);
        orders.MapPost("/complete", Complete).WithName("CompleteOrder").RequireAuthorization(CanteenPolicies.Kitchen);
        return routes;
    }

    private static async Task<IResult> PlaceOrder(
        string storeId,
        HttpContext context,
        IdempotencyGate gate,
        PlaceOrderHandler handler,
        UnpaidOrderGuard unpaid,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var begun = await IdempotentRequest.BeginAsync(context, gate, "Send an Idempotency-Key header (e.g. a UUID) with every new order.", cancellationToken);
        if (begun.Answer is not null)
        {
            return begun.Answer;
        }

        using var lease = begun.Lease!;
        var body = begun.Body!;
        var caller = CallerIdentity.Of(context);
        var (request, invalid) = RequestBody.Parse(body, ApiJsonContext.Default.PlaceOrderRequest, context);
        if (request is null)
        {
            return invalid!;
        }

        var (command, errors) = OrderMapping.ToCommand(storeId, caller, request);
        if (command is null)
        {
            return Problems.From(Failure.Invalid(errors), context);
        }

        // After the idempotency gate, so a retried request still replays its first answer even at the cap.
        using var reservation = Caller.IsGuest(context.User) ? await unpaid.TryEnterAsync(caller, cancellationToken) : null;
        if (reservation is null && Caller.IsGuest(context.User))
        {
            return Problems.Of(FailureCodes.TooManyUnpaidOrders, "Pay or cancel an order that waits for payment before placing another.", context);
        }

        byte[]? rendered = null;
        string? location = null;
        var outcome = await handler.HandleAsync(command, order =>
        {
            location = "/api/v1/orders/" + order.Id.ToString(CultureInfo.InvariantCulture);
            rendered = JsonSerializer.SerializeToUtf8Bytes(OrderMapping.ToDto(order), ApiJsonContext.Default.OrderDto);
            return lease.ToRecord(StatusCodes.Status201Created, location, rendered, time.GetUtcNow());
        }, cancellationToken);

        return outcome switch
        {
            PlaceOrderOutcome.Placed => new StoredResponseResult(StatusCodes.Status201Created, location, rendered!),
            PlaceOrderOutcome.Refused refused => Problems.From(refused.Failure, context),
            _ => throw new InvalidOperationException("Unknown outcome."),
        };
    }

    private static async Task<Ok<OrderDto>> GetOrder(string orderId, HttpContext context, OrderLifecycle orders, CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(ApiIds.Parse(orderId, "Order"), cancellationToken);
        OrderAccess.EnsureVisible(context.User, order);
        return TypedResults.Ok(OrderMapping.ToDto(order));
    }

    private static async Task<Results<Ok<OrderListDto>, ProblemHttpResult>> ListOrders(
        string storeId, string? status, int? limit, string? after, OrderLifecycle orders, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        OrderStatus? wanted = null;
        if (status is not null)
        {
            if (OrderStatusNames.TryParseStatus(status, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add(new ValidationError("status", "Unknown status."));
            }
        }

        if (limit is < 1 or > MaxPageSize)
        {
            errors.Add(new ValidationError("limit", $"limit must be from 1 to {MaxPageSize}."));
        }

        long? before = null;
        if (after is not null)
        {
            if (long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor))
            {
                before = cursor;
            }
            else
            {
                errors.Add(new ValidationError("after", "after must be a cursor returned as next."));
            }
        }

        if (errors.Count > 0)
        {
            return Problems.From(Failure.Invalid(errors), context);
        }

        var page = await orders.ListAsync(storeId, wanted, limit ?? DefaultPageSize, before, cancellationToken);
        return TypedResults.Ok(new OrderListDto(
            page.Items.Select(OrderMapping.ToDto).ToList(),
            page.Next?.ToString(CultureInfo.InvariantCulture)));
    }

    private static Task<Ok<OrderDto>> Cancel(string orderId, HttpContext context, OrderLifecycle orders, CancellationToken cancellationToken) =>
        MoveAsync(orderId, OrderStatus.Cancelled, context, orders, cancellationToken);

    private static Task<Ok<OrderDto>> Start(string orderId, HttpContext context, OrderLifecycle orders, CancellationToken cancellationToken) =>
        MoveAsync(orderId, OrderStatus.Preparing, context, orders, cancellationToken);

    private static Task<Ok<OrderDto>> Ready(string orderId, HttpContext context, OrderLifecycle orders, CancellationToken cancellationToken) =>
        MoveAsync(orderId, OrderStatus.Ready, context, orders, cancellationToken);

    private static Task<Ok<OrderDto>> Complete(string orderId, HttpContext context, OrderLifecycle orders, CancellationToken cancellationToken) =>
        MoveAsync(orderId, OrderStatus.Completed, context, orders, cancellationToken);

    private static async Task<Ok<OrderDto>> MoveAsync(
        string orderId, OrderStatus to, HttpContext context, OrderLifecycle orders, CancellationToken cancellationToken)
    {
        var id = ApiIds.Parse(orderId, "Order");
        OrderAccess.EnsureVisible(context.User, await orders.GetAsync(id, cancellationToken));
        var expected = IfMatch.Parse(context.Request.Headers.IfMatch);
        var order = await orders.MoveAsync(id, to, expected, cancellationToken);
        context.Response.Headers.ETag = IfMatch.ETagOf(order.Version);
        return TypedResults.Ok(OrderMapping.ToDto(order));
    }
}
