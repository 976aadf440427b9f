using Canteen.Core.Ordering;
using Canteen.Core.Payments;
using Canteen.Engine.Storage;
using Canteen.Engine.Telemetry;
using Microsoft.Extensions.Logging;

namespace Canteen.Engine.Payments;

public sealed partial class PaymentSaga
{
    /// <summary>
    /// Runs the step a due payment is waiting for: a pending payment whose order can still take it is queried (the
    /// active query for a missed callback); one whose order cannot (cancelled, paid otherwise, deadline passed) is
    /// closed at the provider; a refunding one has its refund sent. A failed step is rescheduled with back-off,
    /// forever: compensations must eventually succeed.
    /// </summary>
    public async Task RunDueStepAsync(long paymentId, CancellationToken cancellationToken)
    {
        var payment = await payments.FindPaymentAsync(paymentId, cancellationToken);
        if (payment is null)
        {
            return;
        }

        var started = time.GetTimestamp();
        switch (payment.Status)
        {
            case PaymentStatus.Pending:
                var order = await orders.FindAsync(payment.OrderId, cancellationToken);
                var now = time.GetUtcNow();
                if (order is not null && order.Status is OrderStatus.Paying or OrderStatus.Created && now < order.PaymentDeadline)
                {
                    await QueryAsync(payment, order, started, cancellationToken);
                }
                else
                {
                    await CloseAsync(payment, started, cancellationToken);
                }

                break;
            case PaymentStatus.Refunding:
                await RefundAsync(payment, started, cancellationToken);
                break;
        }
    }

    private async Task QueryAsync(Payment payment, Order order, long started, CancellationToken cancellationToken)
    {
        ProviderPaymentState state;
        try
        {
            state = await gateway.QueryAsync(payment.Provider, ReferenceOf(payment), cancellationToken);
        }
        catch (PaymentProviderException ex)
        {
            await RescheduleAsync(payment, "query", ex, null);
            return;
        }

        var now = time.GetUtcNow();
        var mayStillOpen = state.Status == ProviderPaymentStatus.NotFound
            && payment is { PayUrl: null, CodeUrl: null, ProviderReference: null }
            && now < payment.CreatedAt + _options.CreationGrace;
        if (mayStillOpen)
        {
            // Unknown to the provider, but the request opening it may still be on its way there: not failed yet.
            var recheck = payment.CreatedAt + _options.CreationGrace;
            await RescheduleAsync(payment, "query", null, recheck < order.PaymentDeadline ? recheck : order.PaymentDeadline);
            return;
        }

        if (state.Status == ProviderPaymentStatus.Pending)
        {
            // Not paid yet: ask again later, but no later than the deadline, when the payment must be closed.
            var next = now + _options.QueryInterval;
            await RescheduleAsync(payment, "query", null, next < order.PaymentDeadline ? next : order.PaymentDeadline);
            return;
        }

        await ApplyAsync(payment.Id, state, cancellationToken);
        SagaMetrics.StepFinished("payment", "query", OutcomeOf(state), payment.Attempts + 1, time.GetElapsedTime(started));
    }

    private async Task CloseAsync(Payment payment, long started, CancellationToken cancellationToken)
    {
        ProviderPaymentState state;
        try
        {
            state = await gateway.CloseAsync(payment.Provider, ReferenceOf(payment), cancellationToken);
        }
        catch (PaymentProviderException ex)
        {
            await RescheduleAsync(payment, "close", ex, null);
            return;
        }

        // Closed: the payment ends (and a paying order past its deadline is cancelled). Paid after all: applied as a
        // capture, which refunds it if the order can no longer take it.
        var report = state.Status == ProviderPaymentStatus.Succeeded ? state : new ProviderPaymentState(ProviderPaymentStatus.Closed);
        await ApplyAsync(payment.Id, report, cancellationToken);
        SagaMetrics.StepFinished("payment", "close", state.Status == ProviderPaymentStatus.Succeeded ? "compensated" : "succeeded", payment.Attempts + 1, time.GetElapsedTime(started));
    }

    private async Task RefundAsync(Payment payment, long started, CancellationToken cancellationToken)
    {
        ProviderRefundStatus status;
        try
        {
            status = await gateway.RefundAsync(payment.Provider, new ProviderRefundRequest(
                payment.Id, RefundIdOf(payment), payment.ProviderReference, payment.Amount, payment.Amount, "Canteen order refund"),
                cancellationToken);
        }
        catch (PaymentProviderException ex)
        {
            await RescheduleAsync(payment, "refund", ex, null);
            return;
        }

        if (status == ProviderRefundStatus.Processing)
        {
            await RescheduleAsync(payment, "refund", null, time.GetUtcNow() + _options.QueryInterval);
            return;
        }

        await ApplyRefundAsync(payment.Id, new ProviderPaymentState(ProviderPaymentStatus.Succeeded), cancellationToken);
        SagaMetrics.StepFinished("payment", "refund", "compensated", payment.Attempts + 1, time.GetElapsedTime(started));
    }

    /// <summary>
    /// Records when to try the step again: after a failure with back-off (and a warning past the threshold), or at
    /// <paramref name="next"/> when the provider simply has nothing new yet.
    /// </summary>
    private async Task RescheduleAsync(Payment payment, string step, PaymentProviderException? error, DateTimeOffset? next)
    {
        var failures = payment.Attempts + (error is null ? 0 : 1);
        if (error is not null && failures >= _options.StepAttemptsBeforeWarning)
        {
            LogStepStillFailing(error, step, payment.Id, failures);
        }

        var now = time.GetUtcNow();
        var expected = payment.Version;
        payment.Retry(next ?? now + Backoff.Of(failures, _options), error is not null, now);

        // A lost race means someone else moved the payment on; the next sweep sees their version.
        await writer.SubmitWaitingAsync(new SavePayment(payment.ToSnapshot(), expected, null, null), CancellationToken.None);
    }

    private static ProviderPaymentReference ReferenceOf(Payment payment) => new(payment.Id, payment.Amount, payment.ProviderReference);

    /// <summary>One refund per payment, and always the same id: the provider's idempotency key makes a repeat harmless.</summary>
    private static string RefundIdOf(Payment payment) => "R" + payment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string OutcomeOf(ProviderPaymentState state) => state.Status == ProviderPaymentStatus.Succeeded ? "succeeded" : "failed";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment step {Step} for payment {PaymentId} has failed {Attempts} times; retrying with back-off")]
    private partial void LogStepStillFailing(Exception error, string step, long paymentId, int attempts);
}
