using System.Globalization;
using Canteen.Core.Ordering;
using Canteen.Engine.Storage;
using Canteen.Integration.Tests.Support;
using Canteen.Storage.Sqlite;
using Canteen.Storage.Sqlite.Migrations;

namespace Canteen.Integration.Tests.Storage;

/// <summary>What only the SQLite adapter promises: WAL, its migrations, its on-disk format, its outbox rows.</summary>
public sealed partial class SqliteStorageTests : IAsyncDisposable
{
    private readonly SqliteStorages _storages = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _storages.DisposeAsync();

    [Fact]
    public async Task InitializeAsync_MissingNestedDirectory_CreatesDatabaseInWalMode()
    {
        var storage = Create(Path.Combine(_storages.Directory, "nested", "deeper"));

        await storage.InitializeAsync(null, Ct);

        Assert.True(File.Exists(storage.FilePath));
        using var raw = RawSqlite.Open(storage.FilePath);
        Assert.Equal("wal", RawSqlite.Scalar(raw, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task InitializeAsync_Twice_RecordsEachEmbeddedMigrationOnce()
    {
        var storage = Create();
        await storage.InitializeAsync(null, Ct);
        await storage.InitializeAsync(null, Ct);
        await Create().InitializeAsync(null, Ct);

        using var raw = RawSqlite.Open(storage.FilePath);
        var applied = RawSqlite.Column(raw, "SELECT version FROM schema_version ORDER BY version;");
        Assert.NotEmpty(MigrationRunner.Embedded);
        Assert.Equal(MigrationRunner.Embedded.Select(m => m.Version.ToString(CultureInfo.InvariantCulture)), applied);
        Assert.Equal("0001_initial", MigrationRunner.Embedded[0].Name);
    }

    [Fact]
    public async Task InitializeAsync_DatabaseFromANewerBuild_Refuses()
    {
        var storage = Create();
        await storage.InitializeAsync(null, Ct);
        using (var raw = RawSqlite.Open(storage.FilePath))
        {
            RawSqlite.Scalar(raw, "INSERT INTO schema_version (version, name) VALUES (9999, '9999_future');");
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => Create().InitializeAsync(null, Ct));
    }

    [Fact]
    public async Task CommitAsync_WhileAnotherConnectionHoldsAReadSnapshot_CommitsAndSnapshotStaysStable()
    {
        var storage = Create();
        await storage.InitializeAsync(null, Ct);
        await storage.CommitAsync([TestOrders.Insert(TestOrders.Create(1))], Ct);
        using var reader = RawSqlite.Open(storage.FilePath);
        using var snapshot = reader.BeginTransaction(deferred: true);
        var before = RawSqlite.Scalar(reader, "SELECT COUNT(*) FROM orders;", snapshot);

        // Without WAL the commit would need the reader gone and fail with SQLITE_BUSY; in WAL it goes straight through.
        var outcomes = await storage.CommitAsync([TestOrders.Insert(TestOrders.Create(2))], Ct);

        Assert.Equal([WriteOutcome.Committed], outcomes);
        Assert.Equal(before, RawSqlite.Scalar(reader, "SELECT COUNT(*) FROM orders;", snapshot));
        Assert.NotNull(await storage.FindAsync(2, Ct));
        snapshot.Commit();
        Assert.Equal(2L, RawSqlite.Scalar(reader, "SELECT COUNT(*) FROM orders;"));
    }

    [Fact]
    public async Task CommitAsync_Batch_WritesOutboxRowsOnlyForCommittedWrites()
    {
        var storage = Create();
        await storage.InitializeAsync(null, Ct);
        var order = TestOrders.Create(1);
        var insert = TestOrders.Insert(order);
        var update = TestOrders.Update(TestOrders.Moved(order, OrderStatus.Paying, TimeSpan.FromSeconds(1)), 1);
        var stale = TestOrders.Update(TestOrders.Moved(order, OrderStatus.Cancelled, TimeSpan.FromSeconds(1)), 1);
        var missing = TestOrders.Update(TestOrders.Moved(TestOrders.Create(2), OrderStatus.Paying, TimeSpan.FromSeconds(1)), 1);

        await storage.CommitAsync([insert, update, stale, missing], Ct);

        using var raw = RawSqlite.Open(storage.FilePath);
        Assert.Equal(
            new[] { insert.Event.Id, update.Event.Id }.Select(id => id.ToString("D")).Order(StringComparer.Ordinal),
            RawSqlite.Column(raw, "SELECT id FROM outbox WHERE sent_at IS NULL ORDER BY id;"));
    }

    [Fact]
    public async Task CommitAsync_OrderWithNonUtcOffset_StoresWireNamesUtcTicksAndDayText()
    {
        var storage = Create();
        await storage.InitializeAsync(null, Ct);
        var local = TestOrders.Now.ToOffset(TimeSpan.FromHours(8));
        var order = Order.Create(5, "s1", "guest", OrderType.DineIn, "T1", null, TestOrders.Lines(), new PickupNumber(TestOrders.Day, 3), local, TimeSpan.Zero);

        await storage.CommitAsync([TestOrders.Insert(order)], Ct);

        using var raw = RawSqlite.Open(storage.FilePath);
        Assert.Equal("dine_in|created|2025-06-01|3", RawSqlite.Scalar(raw, "SELECT type || '|' || status || '|' || business_day || '|' || pickup_seq FROM orders;"));
        Assert.Equal(TestOrders.Now.UtcTicks, RawSqlite.Scalar(raw, "SELECT created_at FROM orders;"));
        var found = await storage.FindAsync(5, Ct);
        Assert.Equal(TimeSpan.Zero, found?.CreatedAt.Offset);
        Assert.Equal(local, found?.CreatedAt);
    }

    [Fact]
    public async Task CommitAsync_BeforeInitialize_ThrowsInvalidOperation()
    {
        var storage = Create();

        await Assert.ThrowsAsync<InvalidOperationException>(() => storage.CommitAsync([new SetStockTotal("s1", "d", 1)], Ct));
    }

    [Fact]
    public async Task PingAsync_BeforeInitializeOrAfterDispose_ReturnsFalse()
    {
        var storage = Create();
        var beforeInitialize = await storage.PingAsync(Ct);
        await storage.InitializeAsync(null, Ct);
        var initialized = await storage.PingAsync(Ct);
        await storage.DisposeAsync();

        Assert.False(beforeInitialize);
        Assert.True(initialized);
        Assert.False(await storage.PingAsync(Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("FULL; DROP TABLE orders")]
    [InlineData("SOMETIMES")]
    public void Constructor_UnknownSynchronousMode_Throws(string synchronous) =>
        Assert.Throws<ArgumentException>(() => new SqliteStorage(new SqliteStorageOptions { DataDirectory = _storages.Directory, Synchronous = synchronous }));

    [Fact]
    public async Task InitializeAsync_SynchronousNormalInLowerCase_IsAccepted()
    {
        var storage = Create(synchronous: "normal");

        await storage.InitializeAsync(null, Ct);

        Assert.True(await storage.PingAsync(Ct));
    }

    private SqliteStorage Create(string? directory = null, string synchronous = "FULL") =>
        _storages.Create(new SqliteStorageOptions { DataDirectory = directory ?? _storages.Directory, Synchronous = synchronous });
}
