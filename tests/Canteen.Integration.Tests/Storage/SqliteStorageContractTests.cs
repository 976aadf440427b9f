using Canteen.Integration.Tests.Support;
using Canteen.Storage.Sqlite;

namespace Canteen.Integration.Tests.Storage;

/// <summary>The storage contract run against the embedded SQLite adapter, one fresh data directory per test.</summary>
public sealed class SqliteStorageContractTests : StorageContractTests<SqliteStorage>
{
    private readonly TempDirectory _directory = new();

    protected override SqliteStorage CreateStorage() => new(Options());

    protected override Task<IReadOnlyList<string>> ReadHoldStatesAsync(long orderId)
    {
        using var raw = RawSqlite.Open(Path.Combine(_directory.Path, Options().FileName));
        IReadOnlyList<string> states = RawSqlite.Column(
            raw,
            $"SELECT dish_id || ':' || state FROM stock_holds WHERE order_id = {orderId} ORDER BY dish_id;");
        return Task.FromResult(states);
    }

    protected override ValueTask DeleteDatabaseAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }

    private SqliteStorageOptions Options() => new() { DataDirectory = _directory.Path };
}
