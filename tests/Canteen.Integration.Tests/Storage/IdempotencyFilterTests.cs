using Canteen.Integration.Tests.Support;
using Canteen.Storage.Sqlite;
using Canteen.Storage.Sqlite.Reading;

namespace Canteen.Integration.Tests.Storage;

/// <summary>
/// The SQLite adapter's in-memory filter of stored idempotency keys: it may say "maybe" wrongly, never "no" wrongly,
/// across restarts too, and a key it misses (another process wrote it) fails that write instead of doubling an order.
/// </summary>
public sealed class IdempotencyFilterTests : IAsyncDisposable
{
    private readonly SqliteStorages _storages = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _storages.DisposeAsync();

    [Fact]
    public async Task MightContain_EveryStoredKeyYes_AlmostEveryOtherKeyNo()
    {
        var storage = await OpenAsync(capacity: 5_000);
        var writes = Enumerable.Range(1, 2_000)
            .Select(i => TestOrders.Insert(TestOrders.Create(i), idempotency: TestOrders.Idempotency($"stored-{i}")))
            .ToArray();
        await storage.CommitAsync(writes, Ct);
        var filter = storage.IdempotencyFilter;

        Assert.True(filter.IsActive);
        Assert.All(writes, w => Assert.True(filter.MightContain(w.Idempotency!.Scope, w.Idempotency.Key)));
        var scope = writes[0].Idempotency!.Scope;
        var falseMaybes = Enumerable.Range(1, 10_000).Count(i => filter.MightContain(scope, $"new-{i}"));

        // Sized for 5,000 keys at 10 bits each, holding 2,000: the expected rate is far below 0.1 %; 1 % means broken.
        Assert.True(falseMaybes < 100, $"{falseMaybes} of 10,000 unseen keys were a 'maybe'");
    }

    [Fact]
    public async Task FindAsync_UnseenKey_AnsweredWithoutReading_StoredKeyStillFound()
    {
        var storage = await OpenAsync();
        var record = TestOrders.Idempotency("key-1");
        await storage.CommitAsync([TestOrders.Insert(TestOrders.Create(1), idempotency: record)], Ct);
        var skippedBefore = storage.IdempotencyFilter.Skipped;

        Assert.Null(await storage.FindAsync(record.Scope, "key-2", Ct));
        Assert.Equal(skippedBefore + 1, storage.IdempotencyFilter.Skipped);
        Assert.Equal(record.RequestHash, (await storage.FindAsync(record.Scope, record.Key, Ct))?.RequestHash);
        Assert.Equal(skippedBefore + 1, storage.IdempotencyFilter.Skipped);
    }

    [Fact]
    public async Task InitializeAsync_AfterRestart_KeysStoredBeforeAreFound()
    {
        var first = await OpenAsync();
        var records = Enumerable.Range(1, 50).Select(i => TestOrders.Idempotency($"before-restart-{i}")).ToArray();
        await first.CommitAsync(records.Select((r, i) => TestOrders.Insert(TestOrders.Create(i + 1), idempotency: r)).ToArray(), Ct);
        await first.DisposeAsync();

        var second = await OpenAsync();

        foreach (var record in records)
        {
            Assert.Equal(record.RequestHash, (await second.FindAsync(record.Scope, record.Key, Ct))?.RequestHash);
        }
    }

    [Fact]
    public async Task CapacityZero_FilterOff_EveryLookupReads()
    {
        var storage = await OpenAsync(capacity: 0);
        var record = TestOrders.Idempotency("key-1");
        await storage.CommitAsync([TestOrders.Insert(TestOrders.Create(1), idempotency: record)], Ct);

        Assert.False(storage.IdempotencyFilter.IsActive);
        Assert.Null(await storage.FindAsync(record.Scope, "key-2", Ct));
        Assert.NotNull(await storage.FindAsync(record.Scope, record.Key, Ct));
        Assert.Equal(0, storage.IdempotencyFilter.Skipped);
    }

    [Fact]
    public async Task KeyStoredByAnotherProcess_MissedByTheFilter_FailsTheWriteAndStoresNoSecondOrder()
    {
        // Unsupported (one process per embedded file), but it must fail safe: the second insert of the key is refused.
        var ours = await OpenAsync();
        var theirs = await OpenAsync();
        var record = TestOrders.Idempotency("shared-key");
        await theirs.CommitAsync([TestOrders.Insert(TestOrders.Create(1), idempotency: record)], Ct);

        Assert.Null(await ours.FindAsync(record.Scope, record.Key, Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => ours.CommitAsync([TestOrders.Insert(TestOrders.Create(2), idempotency: record)], Ct));
        Assert.Null(await ours.FindAsync(2, Ct));
    }

    [Fact]
    public void Constructor_NegativeCapacity_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new IdempotencyFilter(-1));

    private async Task<SqliteStorage> OpenAsync(int capacity = 2_000_000)
    {
        var storage = _storages.Create(new SqliteStorageOptions { DataDirectory = _storages.Directory, IdempotencyFilterCapacity = capacity });
        await storage.InitializeAsync(null, Ct);
        return storage;
    }
}
