using Canteen.Core.Ordering;
using Canteen.Core.Payments;
using Canteen.Engine.Errors;
using Canteen.Engine.Ordering;
using Canteen.Engine.Storage;

namespace Canteen.Engine.Payments;

public sealed partial class PaymentSaga
{
    /// <summary>
    /// Staff refund an order that was paid. From <c>paid</c> its portions go back to stock (nothing was cooked); from
    /// <c>preparing</c> or <c>ready</c> they do not (the food is made). The captured payment moves to
    /// <c>refunding</c> in the same transaction, and the runner sends the refund to the provider until it succeeds.
    /// </summary>
    public async Task<Order> RefundOrderAsync(long orderId, int? expectedVersion, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(orderId, cancellationToken) ?? throw new FailureException(Failure.NotFound($"Order {orderId}"));
        OrderLifecycle.EnsureVersion(order, expectedVersion);

        var now = time.GetUtcNow();
        var readVersion = order.Version;
        var givesPortionsBack = order.Status == OrderStatus.Paid;
        order.Refund(now);
        var orderChange = OrderChange(order, readVersion, givesPortionsBack ? HoldState.Released : null, now);

        var captured = (await payments.FindPaymentsOfOrderAsync(orderId, cancellationToken)).FirstOrDefault(p => p.Status == PaymentStatus.Succeeded);
        StorageWrite write = orderChange;
        if (captured is not null)
        {
            var expected = captured.Version;
            captured.StartRefund(now);
            write = new SavePayment(captured.ToSnapshot(), expected, orderChange, null);
        }

        EnsureCommitted(await writer.SubmitAsync(write), "order");
        if (givesPortionsBack)
        {
            await stock.ReturnAsync(orderId);
        }

        Wake.Set();
        return order;
    }
}
