using Canteen.Storage.Sqlite;

namespace Canteen.Integration.Tests.Support;

/// <summary>
/// A test's SQLite adapters: files in one fresh temp directory, every adapter created here disposed with it (a second
/// dispose of one the test already closed is harmless), then the directory deleted.
/// </summary>
internal sealed class SqliteStorages : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly List<SqliteStorage> _opened = [];

    public string Directory => _directory.Path;

    /// <summary>A new, uninitialised adapter, disposed with the others.</summary>
    public SqliteStorage Create(SqliteStorageOptions options)
    {
        var storage = new SqliteStorage(options);
        _opened.Add(storage);
        return storage;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var storage in _opened)
        {
            await storage.DisposeAsync();
        }

        _directory.Dispose();
    }
}
