using Canteen.Core.Ordering;
using Canteen.Engine.Storage;

namespace Canteen.Engine.Tests.Ordering;

/// <summary>
/// An order store whose reads of single orders take a few milliseconds, as a database's do, and that remembers how many
/// ran at the same time (each one holds a pooled connection in the real adapters).
/// </summary>
internal sealed class SlowOrderReads(IOrderStore inner) : IOrderStore
{
    private int _inFlight;
    private int _most;

    public int MostAtOnce => Volatile.Read(ref _most);

    public async Task<Order?> FindAsync(long orderId, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _inFlight);
        InterlockedMax(now);
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
            return await inner.FindAsync(orderId, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public Task<OrderPage> ListAsync(string storeId, OrderStatus? status, int limit, long? before, CancellationToken cancellationToken) =>
        inner.ListAsync(storeId, status, limit, before, cancellationToken);

    public Task<int> LastPickupSequenceAsync(string storeId, DateOnly businessDay, CancellationToken cancellationToken) =>
        inner.LastPickupSequenceAsync(storeId, businessDay, cancellationToken);

    public Task<IReadOnlyList<long>> FindExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.FindExpiredAsync(now, limit, cancellationToken);

    public Task<IReadOnlyList<WriteOutcome>> CommitAsync(IReadOnlyList<StorageWrite> batch, CancellationToken cancellationToken) =>
        inner.CommitAsync(batch, cancellationToken);

    private void InterlockedMax(int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, value, seen) != seen)
        {
        }
    }
}
