using Canteen.Core.Ordering;
using Canteen.Core.Payments;
using Canteen.Core.Shared;
using Canteen.Engine.Errors;
using Canteen.Engine.Storage;

namespace Canteen.Engine.Payments;

public sealed partial class PaymentSaga
{
    /// <summary>
    /// Opens a payment for a <c>created</c> order. The payment row and the order's move to <c>paying</c> commit first,
    /// then the provider is called: a crash in between leaves a pending payment the runner asks the provider about
    /// (and fails it if the provider never heard of it), never a provider payment we know nothing of. Cash is recorded
    /// as captured at once: the order goes straight to <c>paid</c>.
    /// </summary>
    public async Task<PaymentStarted> StartAsync(StartPayment command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var provider = gateway.Find(command.Provider) ?? throw new FailureException(Failure.Invalid(
            [new ValidationError("provider", $"Unknown or disabled provider; use one of: {string.Join(", ", gateway.Names.Order(StringComparer.Ordinal))}.")]));
        var method = command.Method ?? provider.Methods.FirstOrDefault();
        if (method is not null && !provider.Methods.Contains(method, StringComparer.Ordinal))
        {
            throw new FailureException(Failure.Invalid([new ValidationError(
                "method", provider.Methods.Count == 0 ? $"{provider.Name} has no methods." : $"{provider.Name} accepts: {string.Join(", ", provider.Methods)}.")]));
        }

        var order = await orders.FindAsync(command.OrderId, cancellationToken) ?? throw new FailureException(Failure.NotFound($"Order {command.OrderId}"));
        var now = time.GetUtcNow();
        if (order.Status == OrderStatus.Created && now >= order.PaymentDeadline)
        {
            throw new FailureException(new Failure(FailureCodes.PaymentDeadlinePassed, "The time to pay for this order is over; it is being cancelled."));
        }

        var readVersion = order.Version;
        order.StartPaying(now);
        var firstCheck = Min(now + _options.QueryDelay, order.PaymentDeadline);
        var payment = Payment.Create(ids.NextId(), order.Id, order.StoreId, provider.Name, method, order.Total, now, firstCheck);
        if (provider.Name == CashProvider.ProviderName)
        {
            return await RecordCashAsync(order, readVersion, payment, command, now);
        }

        var opened = new SavePayment(payment.ToSnapshot(), null, OrderChange(order, readVersion, null, now), null);
        EnsureCommitted(await writer.SubmitAsync(opened), "order");

        ProviderPayment details;
        try
        {
            // Not the caller's token: once the provider is called, we see it through and record the outcome either way.
            details = await gateway.CreateAsync(provider.Name, new ProviderPaymentRequest(
                payment.Id, order.Id, order.StoreId, order.Total, $"Canteen order {order.Number}", method, command.PayerId, order.PaymentDeadline),
                CancellationToken.None);
        }
        catch (PaymentProviderException ex)
        {
            LogOpenFailed(ex, payment.Id, provider.Name, ex.Code);
            await ApplyAsync(payment.Id, new ProviderPaymentState(ProviderPaymentStatus.Failed), CancellationToken.None);
            var unavailable = ex.Code == "circuit_open";
            throw new FailureException(new Failure(
                unavailable ? FailureCodes.PaymentProviderUnavailable : FailureCodes.PaymentProviderFailed,
                $"{provider.Name} could not open the payment ({ex.Code}); the order can be paid again.")
            {
                RetryAfter = unavailable ? _options.Resilience.BreakDuration : null,
            });
        }

        return new PaymentStarted(await RecordOpenedAsync(payment.Id, details, command), details);
    }

    /// <summary>Stores where the guest pays. A callback may have landed first; then the payment is returned as it is.</summary>
    private async Task<Payment> RecordOpenedAsync(long paymentId, ProviderPayment details, StartPayment command)
    {
        for (var attempt = 1; ; attempt++)
        {
            var payment = await GetAsync(paymentId, CancellationToken.None);
            if (payment.Status != PaymentStatus.Pending)
            {
                return payment;
            }

            var expected = payment.Version;
            payment.Opened(details.ProviderReference, details.PayUrl, details.CodeUrl, time.GetUtcNow());
            var record = command.Idempotency?.Invoke(payment, details);
            var outcome = await writer.SubmitWaitingAsync(new SavePayment(payment.ToSnapshot(), expected, null, record), CancellationToken.None);
            if (outcome == WriteOutcome.Committed || attempt >= MaxApplyAttempts)
            {
                return payment;
            }
        }
    }

    private async Task<PaymentStarted> RecordCashAsync(Order order, int readVersion, Payment payment, StartPayment command, DateTimeOffset now)
    {
        order.MarkPaid(now);
        payment.Succeed(null, now);
        var record = command.Idempotency?.Invoke(payment, null);
        var write = new SavePayment(payment.ToSnapshot(), null, OrderChange(order, readVersion, HoldState.Confirmed, now), record);
        EnsureCommitted(await writer.SubmitAsync(write), "order");
        await stock.ConfirmAsync(order.Id);
        return new PaymentStarted(payment, null);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
