using Canteen.Core.Ordering;
using Canteen.Engine.Storage;

namespace Canteen.Engine.Tests.Inventory;

/// <summary>
/// An order store that only records what the writer commits (the daily reset's writes), and can be told to fail
/// every commit the way a broken disk would: the whole batch throws and nothing is recorded.
/// </summary>
internal sealed class RecordingOrderStore : IOrderStore
{
    private readonly Lock _lock = new();
    private readonly List<StorageWrite> _writes = [];
    private int _attempts;
    private volatile bool _failing;

    public IReadOnlyList<StorageWrite> Writes
    {
        get
        {
            lock (_lock)
            {
                return [.. _writes];
            }
        }
    }

    public int CommitAttempts => Volatile.Read(ref _attempts);

    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    public Task<Order?> FindAsync(long orderId, CancellationToken cancellationToken) => Task.FromResult<Order?>(null);

    public Task<OrderPage> ListAsync(string storeId, OrderStatus? status, int limit, long? before, CancellationToken cancellationToken) =>
        Task.FromResult(new OrderPage([], null));

    public Task<int> LastPickupSequenceAsync(string storeId, DateOnly businessDay, CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<IReadOnlyList<long>> FindExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<long>>([]);

    public Task<IReadOnlyList<WriteOutcome>> CommitAsync(IReadOnlyList<StorageWrite> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Interlocked.Increment(ref _attempts);
        if (_failing)
        {
            throw new IOException("Simulated storage failure.");
        }

        lock (_lock)
        {
            _writes.AddRange(batch);
        }

        return Task.FromResult<IReadOnlyList<WriteOutcome>>([.. batch.Select(_ => WriteOutcome.Committed)]);
    }
}
