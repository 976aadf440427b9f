using Canteen.Core.Menu;
using Canteen.Core.Ordering;
using Canteen.Engine.Idempotency;
using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;
using Canteen.Storage.Sqlite.Menu;
using Canteen.Storage.Sqlite.Reading;
using Canteen.Storage.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace Canteen.Storage.Sqlite;

/// <summary>
/// The embedded system of record: every storage port over one SQLite file in WAL mode. Batches commit on one
/// dedicated write connection (one transaction each); reads use pooled connections and run beside the writer.
/// Call <see cref="InitializeAsync"/> once before anything else; it is safe to call again.
/// </summary>
public sealed partial class SqliteStorage :
    IOrderStore, IIdempotencyStore, IStockStore, ICatalogStore, IStorageInitializer, IOutboxStore, IAsyncDisposable
{
    private readonly SqliteConnections _connections;
    private readonly SqliteWriter _writer;
    private readonly OrderQueries _orders;
    private readonly StockQueries _stock;
    private readonly CatalogReader _catalog;
    private readonly IdempotencyQueries _idempotency;
    private readonly OutboxQueries _outbox;
    private readonly UnpaidCounts _unpaid = new();
    private int _disposed;

    /// <summary>Validates the options; opens nothing until <see cref="InitializeAsync"/>.</summary>
    public SqliteStorage(SqliteStorageOptions options)
    {
        _connections = new SqliteConnections(options);
        IdempotencyFilter = new IdempotencyFilter(options.IdempotencyFilterCapacity);
        _writer = new SqliteWriter(_connections, IdempotencyFilter, _unpaid);
        _orders = new OrderQueries(_connections);
        _stock = new StockQueries(_connections);
        _catalog = new CatalogReader(_connections);
        _idempotency = new IdempotencyQueries(_connections, IdempotencyFilter);
        _outbox = new OutboxQueries(_connections);
    }

    /// <summary>The keys this process may have stored, consulted before each idempotency lookup.</summary>
    internal IdempotencyFilter IdempotencyFilter { get; }

    /// <summary>The full path of the database file.</summary>
    public string FilePath => _connections.FilePath;

    public Task InitializeAsync(Catalog? seed, CancellationToken cancellationToken) =>
        _writer.InitializeAsync(seed, cancellationToken);

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            ThrowIfDisposed();
            await using var connection = await _connections.OpenReaderAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1;";
            return await command.ExecuteScalarAsync(cancellationToken) is 1L;
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException or IOException)
        {
            // A readiness probe answers "not ready" rather than failing; cancellation still propagates.
            return false;
        }
    }

    public Task<IReadOnlyList<WriteOutcome>> CommitAsync(IReadOnlyList<StorageWrite> batch, CancellationToken cancellationToken) =>
        _writer.CommitAsync(batch, cancellationToken);

    public Task<Order?> FindAsync(long orderId, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _orders.FindAsync(orderId, cancellationToken);
    }

    public Task<OrderPage> ListAsync(string storeId, OrderStatus? status, int limit, long? before, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _orders.ListAsync(storeId, status, limit, before, cancellationToken);
    }

    public Task<int> LastPickupSequenceAsync(string storeId, DateOnly businessDay, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _orders.LastPickupSequenceAsync(storeId, businessDay, cancellationToken);
    }

    public Task<IReadOnlyList<long>> FindExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _orders.FindExpiredAsync(now, limit, cancellationToken);
    }

    public Task<IReadOnlyList<OutboxEvent>> ReadUnsentAsync(int limit, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _outbox.ReadUnsentAsync(limit, cancellationToken);
    }

    public Task<bool> AnySentBeforeAsync(DateTimeOffset occurredBefore, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _outbox.AnySentBeforeAsync(occurredBefore, cancellationToken);
    }

    public Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _idempotency.FindAsync(scope, key, cancellationToken);
    }

    public Task<bool> AnyCreatedBeforeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _idempotency.AnyCreatedBeforeAsync(createdBefore, cancellationToken);
    }

    public Task<IReadOnlyList<StockTotal>> LoadTotalsAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _stock.LoadTotalsAsync(cancellationToken);
    }

    public Task<IReadOnlyList<PersistedHold>> LoadActiveHoldsAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _stock.LoadActiveHoldsAsync(cancellationToken);
    }

    public Task<Catalog> LoadCatalogAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _catalog.LoadAsync(cancellationToken);
    }

    /// <summary>Closes the write connection and the idle readers. Idempotent: a DI container may call it per registration.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _writer.DisposeAsync();
        _connections.ClearReadPool();
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
}
