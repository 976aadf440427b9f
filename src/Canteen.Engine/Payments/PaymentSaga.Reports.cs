using Canteen.Core.Ordering;
using Canteen.Core.Payments;
using Canteen.Engine.Errors;
using Canteen.Engine.Storage;

namespace Canteen.Engine.Payments;

public sealed partial class PaymentSaga
{
    /// <summary>
    /// Applies what a provider reports about a payment (a verified callback, an active query, the sandbox). Captured:
    /// the order becomes <c>paid</c> if it still waits for payment, otherwise the money is refunded. Failed or closed:
    /// the payment ends and a <c>paying</c> order can pay again (or is cancelled once its deadline has passed).
    /// Idempotent: a report that changes nothing (a duplicate, a failure after a capture) is ignored.
    /// </summary>
    /// <returns>The payment as it is after the report.</returns>
    public async Task<Payment> ApplyAsync(long paymentId, ProviderPaymentState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        for (var attempt = 1; ; attempt++)
        {
            var payment = await GetAsync(paymentId, cancellationToken);
            var order = await orders.FindAsync(payment.OrderId, cancellationToken)
                ?? throw new FailureException(Failure.NotFound($"Order {payment.OrderId} of payment {paymentId}"));
            var now = time.GetUtcNow();
            var step = state.Status switch
            {
                ProviderPaymentStatus.Succeeded => Captured(payment, order, state, now),
                ProviderPaymentStatus.Failed or ProviderPaymentStatus.Closed or ProviderPaymentStatus.NotFound =>
                    await EndedUnpaidAsync(payment, order, state.Status == ProviderPaymentStatus.Closed, now, cancellationToken),
                _ => null,
            };
            if (step is null)
            {
                return payment;
            }

            var outcome = await writer.SubmitWaitingAsync(step.Write, CancellationToken.None);
            if (outcome == WriteOutcome.Committed)
            {
                await step.FollowUp();
                return Payment.Restore(step.Write.Payment);
            }

            if (attempt >= MaxApplyAttempts)
            {
                EnsureCommitted(outcome, "payment");
            }
        }
    }

    /// <summary>A refund report: the money went back (the provider's refund callback).</summary>
    public async Task<Payment> ApplyRefundAsync(long paymentId, ProviderPaymentState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        for (var attempt = 1; ; attempt++)
        {
            var payment = await GetAsync(paymentId, cancellationToken);
            if (state.Status != ProviderPaymentStatus.Succeeded || payment.Status != PaymentStatus.Refunding)
            {
                // Not refunded yet, or already recorded: the runner keeps sending the (idempotent) refund until it is.
                return payment;
            }

            var expected = payment.Version;
            payment.Refunded(time.GetUtcNow());
            var outcome = await writer.SubmitWaitingAsync(new SavePayment(payment.ToSnapshot(), expected, null, null), CancellationToken.None);
            if (outcome == WriteOutcome.Committed || attempt >= MaxApplyAttempts)
            {
                return payment;
            }
        }
    }

    private SagaStep? Captured(Payment payment, Order order, ProviderPaymentState state, DateTimeOffset now)
    {
        if (PaymentTransitions.IsCaptured(payment.Status))
        {
            return null;
        }

        var expected = payment.Version;
        payment.Succeed(state.ProviderReference, now);
        var amountMatches = state.AmountPaid is not { } paid || paid == payment.Amount;
        if (!amountMatches)
        {
            LogAmountMismatch(payment.Id, state.AmountPaid!.Value.ToString(), payment.Amount.ToString());
        }

        // The hold exists as long as the order is created or paying (not cancelled), deadline or not: the provider
        // refuses payment after the deadline it was given, so a capture it reports was made in time.
        if (amountMatches && order.Status is OrderStatus.Paying or OrderStatus.Created)
        {
            var readVersion = order.Version;
            if (order.Status == OrderStatus.Created)
            {
                order.StartPaying(now);
            }

            order.MarkPaid(now);
            var paidWrite = new SavePayment(payment.ToSnapshot(), expected, OrderChange(order, readVersion, HoldState.Confirmed, now), null);
            return new SagaStep(paidWrite, () => stock.ConfirmAsync(order.Id));
        }

        // Cancelled, already paid by another payment, refunded: the order cannot take this money, so it goes back.
        LogLateCapture(payment.Id, order.Id, OrderStatusNames.ToWire(order.Status));
        payment.StartRefund(now);
        var refundWrite = new SavePayment(payment.ToSnapshot(), expected, null, null);
        return new SagaStep(refundWrite, () =>
        {
            Wake.Set();
            return Task.CompletedTask;
        });
    }

    private async Task<SagaStep?> EndedUnpaidAsync(Payment payment, Order order, bool closed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (payment.Status != PaymentStatus.Pending)
        {
            return null;
        }

        var expected = payment.Version;
        if (closed)
        {
            payment.Close(now);
        }
        else
        {
            payment.Fail(now);
        }

        UpdateOrder? orderChange = null;
        var released = false;
        if (order.Status == OrderStatus.Paying && !await HasOtherPendingAsync(payment, cancellationToken))
        {
            var readVersion = order.Version;
            released = now >= order.PaymentDeadline;
            if (released)
            {
                order.Cancel(now);
            }
            else
            {
                order.ReturnToCreated(now);
            }

            orderChange = OrderChange(order, readVersion, released ? HoldState.Released : null, now);
        }

        var write = new SavePayment(payment.ToSnapshot(), expected, orderChange, null);
        return new SagaStep(write, () => released ? stock.CancelAsync(order.Id) : Task.CompletedTask);
    }

    private async Task<bool> HasOtherPendingAsync(Payment payment, CancellationToken cancellationToken)
    {
        var all = await payments.FindPaymentsOfOrderAsync(payment.OrderId, cancellationToken);
        return all.Any(p => p.Id != payment.Id && p.Status == PaymentStatus.Pending);
    }

    /// <summary>One step of the saga: the write that records it, and what follows once it is durable.</summary>
    private sealed record SagaStep(SavePayment Write, Func<Task> FollowUp);
}
