using Canteen.Core.Menu;
using Canteen.Engine.Idempotency;
using Canteen.Engine.Identity;
using Canteen.Engine.Ordering;
using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;

namespace Canteen.Integration.Tests.Storage;

/// <summary>
/// The behaviour every storage adapter must show, written against the ports only. An adapter's test class
/// subclasses this and says how to create its storage over a database private to the test; the same tests then
/// run against it (SQLite now, PostgreSQL later).
/// </summary>
public abstract partial class StorageContractTests<TStorage> : IAsyncDisposable
    where TStorage : IOrderStore, IIdempotencyStore, IStockStore, ICatalogStore, IStorageInitializer, IOutboxStore, IUserStore, IUnpaidOrderCounter,
        IPaymentStore, IAsyncDisposable
{
    private readonly List<TStorage> _opened = [];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        // Adapters must tolerate a second dispose: tests that reopen have already disposed the first instance.
        foreach (var storage in _opened)
        {
            await storage.DisposeAsync();
        }

        await DeleteDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// A new, uninitialised adapter over this test's own database. Every call targets the same database, so
    /// calling it again after disposing the previous instance reopens what that one wrote.
    /// </summary>
    protected abstract TStorage CreateStorage();

    /// <summary>Removes this test's database; runs once, after every adapter the test opened is disposed.</summary>
    protected abstract ValueTask DeleteDatabaseAsync();

    /// <summary>
    /// Every stored hold of an order as <c>dish:state</c>, by dish, read past the adapter: the ports only show live
    /// holds, and whether a hold is released or settled is only visible in the table.
    /// </summary>
    protected abstract Task<IReadOnlyList<string>> ReadHoldStatesAsync(long orderId);

    /// <summary>Creates an adapter and initialises it (migrations, then the optional seed).</summary>
    protected async Task<TStorage> OpenAsync(Catalog? seed = null)
    {
        var storage = CreateStorage();
        _opened.Add(storage);
        await storage.InitializeAsync(seed, Ct);
        return storage;
    }

    protected static async Task<IReadOnlyList<WriteOutcome>> CommitAsync(TStorage storage, params StorageWrite[] batch) =>
        await storage.CommitAsync(batch, Ct);

    protected static Task<IdempotencyRecord?> FindRecordAsync(TStorage storage, string scope, string key) =>
        ((IIdempotencyStore)storage).FindAsync(scope, key, Ct);
}
