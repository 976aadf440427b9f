using Canteen.Integration.Tests.Support;
using Canteen.Storage.Sqlite;

namespace Canteen.Integration.Tests.Storage;

/// <summary>The storage contract run against the embedded SQLite adapter, one fresh data directory per test.</summary>
public sealed class SqliteStorageContractTests : StorageContractTests<SqliteStorage>
{
    private readonly TempDirectory _directory = new();

    protected override SqliteStorage CreateStorage() => new(new SqliteStorageOptions { DataDirectory = _directory.Path });

    protected override ValueTask DeleteDatabaseAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
