using Canteen.Core.Ordering;
using Canteen.Engine.Storage;

namespace Canteen.Engine.Tests.Ordering;

/// <summary>Passes everything to <paramref name="inner"/>, except that the first expiry lookups throw like a storage outage.</summary>
internal sealed class FailingExpiryLookup(IOrderStore inner, int failures) : IOrderStore
{
    private int _remaining = failures;

    public Task<Order?> FindAsync(long orderId, CancellationToken cancellationToken) => inner.FindAsync(orderId, cancellationToken);

    public Task<OrderPage> ListAsync(string storeId, OrderStatus? status, int limit, long? before, CancellationToken cancellationToken) =>
        inner.ListAsync(storeId, status, limit, before, cancellationToken);

    public Task<int> LastPickupSequenceAsync(string storeId, DateOnly businessDay, CancellationToken cancellationToken) =>
        inner.LastPickupSequenceAsync(storeId, businessDay, cancellationToken);

    public Task<IReadOnlyList<long>> FindExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        Interlocked.Decrement(ref _remaining) >= 0
            ? throw new IOException("Simulated storage outage.")
            : inner.FindExpiredAsync(now, limit, cancellationToken);

    public Task<IReadOnlyList<WriteOutcome>> CommitAsync(IReadOnlyList<StorageWrite> batch, CancellationToken cancellationToken) =>
        inner.CommitAsync(batch, cancellationToken);
}
