using Canteen.Core.Payments;
using Canteen.Engine.Storage;
using Canteen.Storage.Sqlite.Reading;

namespace Canteen.Storage.Sqlite;

/// <summary>Payment reads; payments are written by <see cref="CommitAsync"/> (<see cref="SavePayment"/>), like orders.</summary>
public sealed partial class SqliteStorage : IPaymentStore
{
    // A stateless wrapper over the shared connection factory; made on use so the main file's constructor stays as it is.
    private PaymentQueries Payments => new(_connections);

    public Task<Payment?> FindPaymentAsync(long paymentId, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return Payments.FindAsync(paymentId, cancellationToken);
    }

    public Task<IReadOnlyList<Payment>> FindPaymentsOfOrderAsync(long orderId, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return Payments.FindOfOrderAsync(orderId, cancellationToken);
    }

    public Task<IReadOnlyList<long>> FindDuePaymentsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return Payments.FindDueAsync(now, limit, cancellationToken);
    }
}
