using System.Globalization;
using System.Net;
using Canteen.Core.Payments;
using Canteen.Engine.Errors;
using Canteen.Engine.Ordering;
using Canteen.Engine.Payments;
using Canteen.Payments.Sandbox;
using Canteen.Server.Api.Contracts;
using Canteen.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Canteen.Server.Api;

/// <summary>
/// The sandbox provider's customer side: the API actions (<c>/sandbox/payments/{id}/succeed|fail</c>, for the
/// order's guest or staff), the pay page its <c>payUrl</c> points to (anyone holding the link, as with a real
/// provider's page), and the admin switch for its faults. Mapped only when the sandbox is enabled.
/// </summary>
public static class SandboxApi
{
    public static IEndpointRouteBuilder MapSandboxApi(this IEndpointRouteBuilder api, IEndpointRouteBuilder root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var actions = api.MapGroup("/sandbox/payments/{paymentId}").WithTags("Sandbox").RequireAuthorization(CanteenPolicies.PlaceOrders);
        actions.MapPost("/succeed", (string paymentId, HttpContext c, SandboxCustomer s, PaymentSaga p, OrderLifecycle o, CancellationToken t) => SettleAsync(paymentId, true, c, s, p, o, t))
            .WithName("SandboxSucceed");
        actions.MapPost("/fail", (string paymentId, HttpContext c, SandboxCustomer s, PaymentSaga p, OrderLifecycle o, CancellationToken t) => SettleAsync(paymentId, false, c, s, p, o, t))
            .WithName("SandboxFail");

        var admin = api.MapGroup("/admin/sandbox").WithTags("Sandbox").RequireAuthorization(CanteenPolicies.Admin);
        admin.MapGet("/faults", (SandboxFaults faults) => TypedResults.Ok(ToDto(faults.Current))).WithName("GetSandboxFaults");
        admin.MapPut("/faults", SetFaults).WithName("SetSandboxFaults");

        // The page a guest opens from payUrl. The ticket in the link is what lets them pay, like a provider's page.
        var page = root.MapGroup("/sandbox/pay/{paymentId}").AllowAnonymous().ExcludeFromDescription();
        page.MapGet("/", ShowPageAsync);
        page.MapPost("/{action}", SubmitPageAsync).DisableAntiforgery();
        return api;
    }

    private static async Task<Ok<PaymentDto>> SettleAsync(
        string paymentId, bool pay, HttpContext context, SandboxCustomer sandbox, PaymentSaga saga, OrderLifecycle orders, CancellationToken cancellationToken)
    {
        var payment = await PaymentsApi.VisiblePaymentAsync(paymentId, context, saga, orders, cancellationToken);
        if (payment.Provider != SandboxProvider.ProviderName)
        {
            throw new FailureException(Failure.NotFound($"Sandbox payment {paymentId}"));
        }

        await SettleOrRefuseAsync(payment, pay, sandbox, cancellationToken);
        return TypedResults.Ok(PaymentMapping.ToDto(await saga.GetAsync(payment.Id, cancellationToken), null, context.Request));
    }

    private static async Task SettleOrRefuseAsync(Payment payment, bool pay, SandboxCustomer sandbox, CancellationToken cancellationToken)
    {
        var trade = await sandbox.SettleAsync(payment.Id, pay, cancellationToken);
        if (trade is null)
        {
            throw new FailureException(new Failure(FailureCodes.InvalidTransition, "The sandbox never opened this payment (its creation failed)."));
        }

        var wanted = pay ? SandboxTradeStatus.Paid : SandboxTradeStatus.Declined;
        if (trade.Status != wanted)
        {
            throw new FailureException(new Failure(
                FailureCodes.InvalidTransition, $"The sandbox payment is already {trade.Status.ToString().ToLowerInvariant()}."));
        }
    }

    private static async Task<IResult> ShowPageAsync(string paymentId, string? ticket, PaymentSaga saga, SandboxSigner signer, CancellationToken cancellationToken)
    {
        var payment = await TicketedPaymentAsync(paymentId, ticket, saga, signer, cancellationToken);
        return Results.Content(SandboxPage.Render(payment, ticket!), "text/html; charset=utf-8");
    }

    private static async Task<IResult> SubmitPageAsync(
        string paymentId, string action, string? ticket, PaymentSaga saga, SandboxSigner signer, SandboxCustomer sandbox, CancellationToken cancellationToken)
    {
        var payment = await TicketedPaymentAsync(paymentId, ticket, saga, signer, cancellationToken);
        if (action is not ("succeed" or "fail"))
        {
            throw new FailureException(Failure.NotFound($"Sandbox action '{action}'"));
        }

        await SettleOrRefuseAsync(payment, action == "succeed", sandbox, cancellationToken);

        // Post/redirect/get: reloading the result page does not pay twice.
        return Results.Redirect($"/sandbox/pay/{payment.Id.ToString(CultureInfo.InvariantCulture)}?ticket={WebUtility.UrlEncode(ticket)}", permanent: false, preserveMethod: false);
    }

    private static async Task<Payment> TicketedPaymentAsync(string paymentId, string? ticket, PaymentSaga saga, SandboxSigner signer, CancellationToken cancellationToken)
    {
        var id = ApiIds.Parse(paymentId, "Payment");
        if (!signer.CheckTicket(id, ticket))
        {
            throw new FailureException(Failure.NotFound($"Payment {paymentId}"));
        }

        var payment = await saga.GetAsync(id, cancellationToken);
        return payment.Provider == SandboxProvider.ProviderName ? payment : throw new FailureException(Failure.NotFound($"Payment {paymentId}"));
    }

    private static Results<Ok<SandboxFaultsDto>, ProblemHttpResult> SetFaults(SandboxFaultsDto body, SandboxFaults faults, HttpContext context)
    {
        var settings = new SandboxFaultSettings
        {
            ErrorRate = body.ErrorRate ?? 0,
            LatencyRate = body.LatencyRate ?? 0,
            Latency = TimeSpan.FromMilliseconds(body.LatencyMs ?? 2000),
            LostCallbackRate = body.LostCallbackRate ?? 0,
            DuplicateCallbackRate = body.DuplicateCallbackRate ?? 0,
            ReorderCallbackRate = body.ReorderCallbackRate ?? 0,
            ReorderDelay = TimeSpan.FromMilliseconds(body.ReorderDelayMs ?? 1000),
        };
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            return Problems.From(Failure.Invalid(errors.Select(e => new Canteen.Core.Shared.ValidationError("$", e)).ToList()), context);
        }

        faults.Set(settings);
        return TypedResults.Ok(ToDto(settings));
    }

    private static SandboxFaultsDto ToDto(SandboxFaultSettings s) => new(
        s.ErrorRate, s.LatencyRate, (int)s.Latency.TotalMilliseconds, s.LostCallbackRate, s.DuplicateCallbackRate,
        s.ReorderCallbackRate, (int)s.ReorderDelay.TotalMilliseconds);
}
