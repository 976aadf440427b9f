using Canteen.Core.Ordering;
using Canteen.Core.Payments;
using Canteen.Engine.Errors;
using Canteen.Engine.Inventory;
using Canteen.Engine.Ordering;
using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Canteen.Engine.Payments;

/// <summary>
/// The order saga from payment on (DESIGN §5, §7): open a payment (order → <c>paying</c>), apply what the provider
/// reports (captured → order <c>paid</c> and hold confirmed; declined → back to <c>created</c>, or <c>cancelled</c>
/// past the deadline), and compensate (close an open payment whose order can no longer take it, refund a capture
/// that arrived too late or that staff refunded).
/// </summary>
/// <remarks>
/// Every step is one <see cref="SavePayment"/>: the payment change and the order change it causes commit together
/// through the single writer, guarded by both versions. The saga keeps no state in memory: what is left to do is the
/// payment's status and <see cref="Payment.NextCheckAt"/> in storage, so <see cref="PaymentSagaRunner"/> resumes
/// any step after a crash. Provider reports may arrive twice, late, or out of order (callback, active query,
/// sandbox): applying one is idempotent, and a report that lost a version race is re-read and re-applied.
/// </remarks>
public sealed partial class PaymentSaga(
    IOrderStore orders,
    IPaymentStore payments,
    OrderWriter writer,
    PaymentGateway gateway,
    StockFollowUp stock,
    SnowflakeIdGenerator ids,
    TimeProvider time,
    IOptions<PaymentOptions> options,
    ILogger<PaymentSaga> logger)
{
    // A report that keeps losing version races to other writers gives up after this many re-reads; its source
    // (the provider's resent callback, the next active query) brings it back.
    private const int MaxApplyAttempts = 8;

    private readonly PaymentOptions _options = options.Value;

    /// <summary>Set when a step becomes due now (a refund to send), so the runner does not wait for its next sweep.</summary>
    internal WakeSignal Wake { get; } = new();

    public async Task<Payment> GetAsync(long paymentId, CancellationToken cancellationToken) =>
        await payments.FindPaymentAsync(paymentId, cancellationToken) ?? throw new FailureException(Failure.NotFound($"Payment {paymentId}"));

    public Task<IReadOnlyList<Payment>> ListForOrderAsync(long orderId, CancellationToken cancellationToken) =>
        payments.FindPaymentsOfOrderAsync(orderId, cancellationToken);

    private static void EnsureCommitted(WriteOutcome outcome, string what)
    {
        switch (outcome)
        {
            case WriteOutcome.VersionConflict:
                throw new FailureException(new Failure(FailureCodes.VersionConflict, $"The {what} was changed by someone else; read it again."));
            case WriteOutcome.NotFound:
                throw new FailureException(Failure.NotFound($"The {what}"));
        }
    }

    private static UpdateOrder OrderChange(Order order, int readVersion, HoldState? holdChange, DateTimeOffset now) =>
        new(order.ToSnapshot(), readVersion, holdChange, OrderEvents.For(order, now));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {PaymentId} was captured but order {OrderId} is {Status}; refunding it")]
    private partial void LogLateCapture(long paymentId, long orderId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {PaymentId} could not be opened at {Provider} ({Code}); the order can pay again")]
    private partial void LogOpenFailed(Exception error, long paymentId, string provider, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment {PaymentId} captured {Captured} but the order costs {Expected}; refunding it")]
    private partial void LogAmountMismatch(long paymentId, string captured, string expected);
}
