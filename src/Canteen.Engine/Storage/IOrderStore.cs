using Canteen.Core.Ordering;

namespace Canteen.Engine.Storage;

/// <summary>
/// The system of record for orders. Writes arrive only through <see cref="CommitAsync"/>, called by the single
/// order writer loop with a whole batch (group commit); reads may run concurrently from any thread.
/// </summary>
public interface IOrderStore
{
    Task<Order?> FindAsync(long orderId, CancellationToken cancellationToken);

    /// <summary>Orders of a store, newest first, optionally of one status, strictly older than <paramref name="before"/>.</summary>
    Task<OrderPage> ListAsync(string storeId, OrderStatus? status, int limit, long? before, CancellationToken cancellationToken);

    /// <summary>The highest pickup sequence issued in <paramref name="storeId"/> on <paramref name="businessDay"/>, 0 if none.</summary>
    Task<int> LastPickupSequenceAsync(string storeId, DateOnly businessDay, CancellationToken cancellationToken);

    /// <summary>
    /// Ids of orders still waiting for payment (<c>created</c> or <c>paying</c>) whose payment deadline is at or before
    /// <paramref name="now"/>, earliest deadline first. Backed by an index, so the expiry sweeper can ask often.
    /// </summary>
    Task<IReadOnlyList<long>> FindExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Commits every write in one transaction and returns one outcome per write, in order. A write that loses its
    /// version check is skipped without failing the others. If the transaction itself fails, the method throws and
    /// nothing of the batch is durable.
    /// </summary>
    Task<IReadOnlyList<WriteOutcome>> CommitAsync(IReadOnlyList<StorageWrite> batch, CancellationToken cancellationToken);
}
