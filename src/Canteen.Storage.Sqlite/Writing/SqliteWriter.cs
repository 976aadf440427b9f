using Canteen.Core.Menu;
using Canteen.Engine.Storage;
using Canteen.Storage.Sqlite.Menu;
using Canteen.Storage.Sqlite.Migrations;
using Canteen.Storage.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace Canteen.Storage.Sqlite.Writing;

/// <summary>
/// Owns the one write connection. SQLite allows a single writer per file anyway; keeping it dedicated (and its
/// statements prepared) makes a group commit cost one transaction and one fsync however many orders it carries.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private readonly SqliteConnections _connections;
    private readonly IdempotencyFilter _filter;
    private readonly UnpaidCounts _unpaid;

    // The engine commits from a single loop, but initialisation, commits and disposal must never interleave on
    // one connection, whoever calls them.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;
    private BatchWriter? _batchWriter;
    private bool _disposed;

    public SqliteWriter(SqliteConnections connections, IdempotencyFilter filter, UnpaidCounts unpaid)
    {
        _connections = connections;
        _filter = filter;
        _unpaid = unpaid;
    }

    public async Task InitializeAsync(Catalog? seed, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _connection ??= _connections.OpenWriter();
            MigrationRunner.Apply(_connection);
            CatalogSeeder.SeedIfEmpty(_connection, seed);
            _filter.Load(_connection);
            _unpaid.Load(_connection);
            _batchWriter ??= new BatchWriter(_connection, _filter);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<WriteOutcome>> CommitAsync(IReadOnlyList<StorageWrite> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is null || _batchWriter is null)
            {
                throw new InvalidOperationException("InitializeAsync must complete before the first commit.");
            }

            if (batch.Count == 0)
            {
                return [];
            }

            // Statements run synchronously on purpose: Microsoft.Data.Sqlite's async methods complete synchronously
            // anyway, and a Task per statement would only add allocations to the hot path. If any write throws, the
            // transaction is disposed uncommitted (rolled back), so nothing of the batch becomes durable.
            using var transaction = _connection.BeginTransaction(deferred: false);
            var outcomes = _batchWriter.Apply(batch, transaction);
            transaction.Commit();

            // Before anyone is answered, so a guest's next placement already sees the order just acknowledged.
            _unpaid.Apply(batch, outcomes);
            return outcomes;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Runs a rare write that is not an order batch (an account) on the write connection, in its own transaction,
    /// between group commits. The statement is built per call: nothing about it is hot.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var connection = _connection ?? throw new InvalidOperationException("InitializeAsync must complete before the first write.");
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _batchWriter?.Dispose();
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
