using Canteen.Integration.Tests.Support;
using Canteen.Storage.Postgres;
using Canteen.Storage.Postgres.Migrations;

namespace Canteen.Integration.Tests.Storage;

/// <summary>What only the PostgreSQL adapter promises: its migrations under concurrency, its schema, one-trip batches.</summary>
public sealed partial class PostgresStorageTests : IAsyncDisposable
{
    private readonly List<PostgresStorage> _opened = [];
    private PostgresTestSchema? _schema;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        foreach (var storage in _opened)
        {
            await storage.DisposeAsync();
        }

        if (_schema is not null)
        {
            await _schema.DropAsync();
        }
    }

    [Fact]
    public async Task InitializeAsync_TwoInstancesAtOnce_ApplyEachMigrationAndSeedOnce()
    {
        var schema = await SchemaAsync();
        var seed = TestCatalog.Create();
        var (first, second) = (Create(), Create());

        await Task.WhenAll(first.InitializeAsync(seed, Ct), second.InitializeAsync(seed, Ct));

        Assert.NotEmpty(MigrationRunner.Embedded);
        Assert.Equal(
            MigrationRunner.Embedded.Select(m => m.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            await schema.ColumnAsync("SELECT version FROM schema_version ORDER BY version;"));
        Assert.Equal((long)seed.Stores.Count, await schema.ScalarAsync("SELECT count(*) FROM stores;"));
        StorageAssert.SameCatalog(seed, await second.LoadCatalogAsync(Ct));
    }

    [Fact]
    public async Task InitializeAsync_SchemaFromANewerBuild_Refuses()
    {
        var schema = await SchemaAsync();
        await Create().InitializeAsync(null, Ct);
        await schema.ScalarAsync("INSERT INTO schema_version (version, name) VALUES (9999, '9999_future');");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Create().InitializeAsync(null, Ct));
    }

    [Fact]
    public async Task InitializeAsync_NewSchema_CreatesItWithEveryTableAndPartialIndex()
    {
        var schema = await SchemaAsync();

        await Create().InitializeAsync(null, Ct);

        var tables = await schema.ColumnAsync($"SELECT table_name FROM information_schema.tables WHERE table_schema = '{schema.Name}' ORDER BY 1;");
        Assert.Equal(
            ["categories", "dish_modifier_groups", "dishes", "idempotency_keys", "inbox", "modifier_groups", "modifier_options",
             "orders", "outbox", "payments", "schema_version", "stock_holds", "stock_levels", "store_dishes", "stores", "users"],
            tables.Order(StringComparer.Ordinal));
        Assert.Contains("WHERE (sent_at IS NULL)", (string?)await schema.ScalarAsync(
            $"SELECT indexdef FROM pg_indexes WHERE schemaname = '{schema.Name}' AND indexname = 'ix_outbox_unsent';"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PingAsync_AfterDispose_ReturnsFalse()
    {
        var storage = await OpenAsync();
        var initialized = await storage.PingAsync(Ct);
        await storage.DisposeAsync();

        Assert.True(initialized);
        Assert.False(await storage.PingAsync(Ct));
    }

    [Fact]
    public async Task PingAsync_UnreachableServer_ReturnsFalse()
    {
        var storage = new PostgresStorage(new PostgresStorageOptions { ConnectionString = "Host=127.0.0.1;Port=1;Username=x;Password=y;Timeout=2" });
        _opened.Add(storage);

        Assert.False(await storage.PingAsync(Ct));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_MissingConnectionString_ThrowsNamingTheSetting(string? connectionString)
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgresStorage(new PostgresStorageOptions { ConnectionString = connectionString }));

        Assert.Contains("Canteen:Postgres:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Canteen")]
    [InlineData("9lives")]
    [InlineData("x\"; DROP SCHEMA public; --")]
    public void Constructor_InvalidSchemaName_Throws(string schema) =>
        Assert.Throws<ArgumentException>(() => new PostgresStorage(new PostgresStorageOptions { ConnectionString = PostgresTestSchema.Fallback, Schema = schema }));

    private async Task<PostgresTestSchema> SchemaAsync() => _schema ??= await PostgresTestSchema.CreateAsync();

    private PostgresStorage Create()
    {
        var storage = new PostgresStorage((_schema ?? throw new InvalidOperationException("Call SchemaAsync first.")).Options());
        _opened.Add(storage);
        return storage;
    }

    private async Task<PostgresStorage> OpenAsync()
    {
        await SchemaAsync();
        var storage = Create();
        await storage.InitializeAsync(null, Ct);
        return storage;
    }
}
