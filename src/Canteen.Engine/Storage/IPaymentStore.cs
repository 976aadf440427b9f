using Canteen.Core.Payments;

namespace Canteen.Engine.Storage;

/// <summary>
/// Reads payments. Payments are written only through the order writer (<see cref="SavePayment"/>), in the same
/// transaction as the order change they cause, so an order and its payments never disagree on disk.
/// </summary>
public interface IPaymentStore
{
    Task<Payment?> FindPaymentAsync(long paymentId, CancellationToken cancellationToken);

    /// <summary>Every payment of an order, oldest first.</summary>
    Task<IReadOnlyList<Payment>> FindPaymentsOfOrderAsync(long orderId, CancellationToken cancellationToken);

    /// <summary>
    /// Ids of payments whose <see cref="Payment.NextCheckAt"/> is at or before <paramref name="now"/>, earliest first:
    /// the saga's persisted to-do list (active queries, closes, refunds). Backed by an index.
    /// </summary>
    Task<IReadOnlyList<long>> FindDuePaymentsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}
