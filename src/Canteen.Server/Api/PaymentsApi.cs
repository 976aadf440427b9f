using System.Globalization;
using System.Text.Json;
using Canteen.Core.Shared;
using Canteen.Engine.Errors;
using Canteen.Engine.Idempotency;
using Canteen.Engine.Ordering;
using Canteen.Engine.Payments;
using Canteen.Server.Api.Contracts;
using Canteen.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Canteen.Server.Api;

/// <summary>Paying for orders, the providers' callbacks, and staff refunds (API.md "Payments").</summary>
public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder routes)
    {
        var orders = routes.MapGroup("/orders/{orderId}").WithTags("Payments");
        orders.MapPost("/payments", CreatePayment).WithName("CreatePayment").RequireAuthorization(CanteenPolicies.PlaceOrders)
            .Produces<PaymentDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status502BadGateway);
        orders.MapGet("/payments", ListPayments).WithName("ListOrderPayments").RequireAuthorization(CanteenPolicies.ReadOrders);
        orders.MapPost("/refund", Refund).WithName("RefundOrder").RequireAuthorization(CanteenPolicies.Staff);

        var payments = routes.MapGroup("/payments").WithTags("Payments");
        payments.MapGet("/{paymentId}", GetPayment).WithName("GetPayment").RequireAuthorization(CanteenPolicies.ReadOrders);

        // Providers call without our tokens: the signature in the request is what authenticates them.
        payments.MapPost("/callbacks/{provider}", Callback).WithName("PaymentCallback").AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> CreatePayment(
        string orderId,
        HttpContext context,
        IdempotencyGate gate,
        OrderLifecycle orders,
        PaymentSaga saga,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var id = ApiIds.Parse(orderId, "Order");
        OrderAccess.EnsureVisible(context.User, await orders.GetAsync(id, cancellationToken));
        var begun = await IdempotentRequest.BeginAsync(context, gate, "Send an Idempotency-Key header (e.g. a UUID) with every new payment.", cancellationToken);
        if (begun.Answer is not null)
        {
            return begun.Answer;
        }

        using var lease = begun.Lease!;
        var (request, invalid) = RequestBody.Parse(begun.Body!, ApiJsonContext.Default.CreatePaymentRequest, context);
        if (request is null)
        {
            return invalid!;
        }

        if (string.IsNullOrWhiteSpace(request.Provider))
        {
            return Problems.From(Failure.Invalid([new ValidationError("provider", "Name a provider, e.g. sandbox.")]), context);
        }

        if (request.Provider == CashProvider.ProviderName && Caller.IsGuest(context.User))
        {
            return Problems.Of(FailureCodes.Forbidden, "Cash is recorded by staff at the counter.", context);
        }

        string? location = null;
        byte[]? rendered = null;
        var started = await saga.StartAsync(new StartPayment(id, request.Provider, request.Method, request.PayerId, (payment, details) =>
        {
            location = "/api/v1/payments/" + payment.Id.ToString(CultureInfo.InvariantCulture);
            rendered = Render(PaymentMapping.ToDto(payment, details?.ClientParameters, context.Request));
            return lease.ToRecord(StatusCodes.Status201Created, location, rendered, time.GetUtcNow());
        }), cancellationToken);

        // When a callback overtook the request, nothing was stored to replay; the payment is shown as it is now.
        return new StoredResponseResult(
            StatusCodes.Status201Created,
            location ?? "/api/v1/payments/" + started.Payment.Id.ToString(CultureInfo.InvariantCulture),
            rendered ?? Render(PaymentMapping.ToDto(started, context.Request)));
    }

    private static async Task<Ok<PaymentDto>> GetPayment(string paymentId, HttpContext context, PaymentSaga saga, OrderLifecycle orders, CancellationToken cancellationToken)
    {
        var payment = await VisiblePaymentAsync(paymentId, context, saga, orders, cancellationToken);
        return TypedResults.Ok(PaymentMapping.ToDto(payment, null, context.Request));
    }

    private static async Task<Ok<IReadOnlyList<PaymentDto>>> ListPayments(string orderId, HttpContext context, PaymentSaga saga, OrderLifecycle orders, CancellationToken cancellationToken)
    {
        var id = ApiIds.Parse(orderId, "Order");
        OrderAccess.EnsureVisible(context.User, await orders.GetAsync(id, cancellationToken));
        var all = await saga.ListForOrderAsync(id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PaymentDto>>(all.Select(p => PaymentMapping.ToDto(p, null, context.Request)).ToList());
    }

    private static async Task<Ok<OrderDto>> Refund(string orderId, HttpContext context, OrderLifecycle orders, PaymentSaga saga, CancellationToken cancellationToken)
    {
        var id = ApiIds.Parse(orderId, "Order");
        OrderAccess.EnsureVisible(context.User, await orders.GetAsync(id, cancellationToken));
        var order = await saga.RefundOrderAsync(id, IfMatch.Parse(context.Request.Headers.IfMatch), cancellationToken);
        context.Response.Headers.ETag = IfMatch.ETagOf(order.Version);
        return TypedResults.Ok(OrderMapping.ToDto(order));
    }

    private static async Task<IResult> Callback(string provider, HttpContext context, PaymentCallbacks callbacks, CancellationToken cancellationToken)
    {
        var (body, tooLarge) = await RequestBody.ReadBytesAsync(context, cancellationToken);
        if (body is null)
        {
            return tooLarge!;
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var ack = await callbacks.HandleAsync(provider, new ProviderCallbackRequest(headers, body, context.Request.ContentType), cancellationToken);
        return ack.Body is null ? Results.StatusCode(ack.StatusCode) : Results.Text(ack.Body, ack.ContentType, statusCode: ack.StatusCode);
    }

    /// <summary>A payment is visible to whoever may see its order; to anyone else it does not exist.</summary>
    internal static async Task<Canteen.Core.Payments.Payment> VisiblePaymentAsync(
        string paymentId, HttpContext context, PaymentSaga saga, OrderLifecycle orders, CancellationToken cancellationToken)
    {
        var payment = await saga.GetAsync(ApiIds.Parse(paymentId, "Payment"), cancellationToken);
        try
        {
            OrderAccess.EnsureVisible(context.User, await orders.GetAsync(payment.OrderId, cancellationToken));
        }
        catch (FailureException)
        {
            throw new FailureException(Failure.NotFound($"Payment {paymentId}"));
        }

        return payment;
    }

    private static byte[] Render(PaymentDto dto) => JsonSerializer.SerializeToUtf8Bytes(dto, ApiJsonContext.Default.PaymentDto);
}
