using System.Net.Sockets;
using Canteen.Core.Menu;
using Canteen.Core.Ordering;
using Canteen.Engine.Idempotency;
using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;
using Canteen.Storage.Postgres.Identity;
using Canteen.Storage.Postgres.Menu;
using Canteen.Storage.Postgres.Migrations;
using Canteen.Storage.Postgres.Reading;
using Canteen.Storage.Postgres.Writing;
using Npgsql;

namespace Canteen.Storage.Postgres;

/// <summary>
/// The distributed system of record: every storage port over one PostgreSQL schema, through one pooled
/// <see cref="NpgsqlDataSource"/>. Any number of instances may share the schema; each batch commits as one
/// transaction in one round trip. Call <see cref="InitializeAsync"/> once before committing; it is safe to call
/// again and from several instances at once.
/// </summary>
public sealed partial class PostgresStorage :
    IOrderStore, IIdempotencyStore, IStockStore, ICatalogStore, IStorageInitializer, IOutboxStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly OrderQueries _orders;
    private readonly StockQueries _stock;
    private readonly CatalogReader _catalog;
    private readonly IdempotencyQueries _idempotency;
    private readonly CoalescedReads<IdempotencyQueries.Key, IdempotencyRecord> _lookups;
    private readonly CoalescedReads<string, int> _unpaidCounts;
    private readonly OutboxQueries _outbox;
    private readonly UserQueries _users;
    private int _initialized;
    private int _disposed;

    /// <summary>Validates the options and builds the connection pool; connects to nothing until first used.</summary>
    public PostgresStorage(PostgresStorageOptions options)
    {
        _dataSource = PostgresDataSourceFactory.Create(options);
        Schema = options.Schema;
        _orders = new OrderQueries(_dataSource);
        _stock = new StockQueries(_dataSource);
        _catalog = new CatalogReader(_dataSource);
        _idempotency = new IdempotencyQueries(_dataSource);
        _lookups = new CoalescedReads<IdempotencyQueries.Key, IdempotencyRecord>(keys => _idempotency.FindManyAsync(keys, CancellationToken.None));
        _users = new UserQueries(_dataSource);
        _unpaidCounts = new CoalescedReads<string, int>(owners => _users.CountUnpaidManyAsync(owners, CancellationToken.None));
        _outbox = new OutboxQueries(_dataSource);
    }

    /// <summary>The schema holding the tables (the connections' search_path).</summary>
    public string Schema { get; }

    public async Task InitializeAsync(Catalog? seed, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        await MigrationRunner.ApplyAsync(_dataSource, Schema, cancellationToken);
        await CatalogSeeder.SeedIfEmptyAsync(_dataSource, Schema, seed, cancellationToken);
        Volatile.Write(ref _initialized, 1);
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            ThrowIfDisposed();
            await using var command = _dataSource.CreateCommand("SELECT 1;");
            return await command.ExecuteScalarAsync(cancellationToken) is 1;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or ObjectDisposedException
            && !cancellationToken.IsCancellationRequested)
        {
            // A readiness probe answers "not ready" rather than failing; cancellation by the caller still propagates.
            return false;
        }
    }

    public async Task<IReadOnlyList<WriteOutcome>> CommitAsync(IReadOnlyList<StorageWrite> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ThrowIfDisposed();
        if (Volatile.Read(ref _initialized) == 0)
        {
            throw new InvalidOperationException("InitializeAsync must complete before the first commit.");
        }

        if (batch.Count == 0)
        {
            return [];
        }

        // A pooled connection per batch: a broken one is discarded by the pool instead of wedging the writer loop.
        await using var plan = BatchPlan.Build(batch);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await plan.ExecuteAsync(connection, cancellationToken);
    }

    public Task<Order?> FindAsync(long orderId, CancellationToken cancellationToken) =>
        Read(() => _orders.FindAsync(orderId, cancellationToken));

    public Task<OrderPage> ListAsync(string storeId, OrderStatus? status, int limit, long? before, CancellationToken cancellationToken) =>
        Read(() => _orders.ListAsync(storeId, status, limit, before, cancellationToken));

    public Task<int> LastPickupSequenceAsync(string storeId, DateOnly businessDay, CancellationToken cancellationToken) =>
        Read(() => _orders.LastPickupSequenceAsync(storeId, businessDay, cancellationToken));

    public Task<IReadOnlyList<long>> FindExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        Read(() => _orders.FindExpiredAsync(now, limit, cancellationToken));

    public Task<IReadOnlyList<OutboxEvent>> ReadUnsentAsync(int limit, CancellationToken cancellationToken) =>
        Read(() => _outbox.ReadUnsentAsync(limit, cancellationToken));

    public Task<bool> AnySentBeforeAsync(DateTimeOffset occurredBefore, CancellationToken cancellationToken) =>
        Read(() => _outbox.AnySentBeforeAsync(occurredBefore, cancellationToken));

    public Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(key);
        return Read(() => _lookups.ReadAsync(new IdempotencyQueries.Key(scope, key), cancellationToken));
    }

    public Task<bool> AnyCreatedBeforeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken) =>
        Read(() => _idempotency.AnyCreatedBeforeAsync(createdBefore, cancellationToken));

    public Task<IReadOnlyList<StockTotal>> LoadTotalsAsync(CancellationToken cancellationToken) =>
        Read(() => _stock.LoadTotalsAsync(cancellationToken));

    public Task<IReadOnlyList<PersistedHold>> LoadActiveHoldsAsync(CancellationToken cancellationToken) =>
        Read(() => _stock.LoadActiveHoldsAsync(cancellationToken));

    public Task<Catalog> LoadCatalogAsync(CancellationToken cancellationToken) =>
        Read(() => _catalog.LoadAsync(cancellationToken));

    /// <summary>Closes the pool's idle connections. Idempotent: a DI container may call it once per registration.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _lookups.DisposeAsync();
        await _unpaidCounts.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    private Task<T> Read<T>(Func<Task<T>> query)
    {
        ThrowIfDisposed();
        return query();
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
}
