using Canteen.Core.Payments;
using Canteen.Engine.Storage;
using Canteen.Storage.Postgres.Reading;

namespace Canteen.Storage.Postgres;

/// <summary>Payment reads; payments are written by <see cref="CommitAsync"/> (<see cref="SavePayment"/>), like orders.</summary>
public sealed partial class PostgresStorage : IPaymentStore
{
    // A stateless wrapper over the shared pool; made on use so the main file's constructor stays as it is.
    private PaymentQueries Payments => new(_dataSource);

    public Task<Payment?> FindPaymentAsync(long paymentId, CancellationToken cancellationToken) =>
        Read(() => Payments.FindAsync(paymentId, cancellationToken));

    public Task<IReadOnlyList<Payment>> FindPaymentsOfOrderAsync(long orderId, CancellationToken cancellationToken) =>
        Read(() => Payments.FindOfOrderAsync(orderId, cancellationToken));

    public Task<IReadOnlyList<long>> FindDuePaymentsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        Read(() => Payments.FindDueAsync(now, limit, cancellationToken));
}
