using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;
using Canteen.Redis;
using Canteen.Stock.Postgres;
using Npgsql;
using StackExchange.Redis;

namespace Canteen.Bench.Stock;

/// <summary>A fresh, isolated authority for one run (own key prefix or schema), and how to clean it up.</summary>
internal sealed class BenchTarget(string name, IStockAuthority authority, Func<Task> cleanup) : IAsyncDisposable
{
    public const int WarmPortions = 1_000_000;

    public string Name { get; } = name;

    public IStockAuthority Authority { get; } = authority;

    public static IReadOnlyList<StockTotal> Totals(int portions) =>
        [new StockTotal(HoldRun.Store, HoldRun.HotDish, portions, portions), new StockTotal(HoldRun.Store, HoldRun.WarmDish, WarmPortions, WarmPortions)];

    public static async Task<BenchTarget> CreateAsync(string name, BenchOptions options, IConnectionMultiplexer? redis)
    {
        var totals = Totals(options.PortionsOrDefault);
        switch (name)
        {
            case "inprocess":
                var ledger = new InProcessStockLedger();
                await ledger.InitializeAsync(totals, [], CancellationToken.None);
                return new BenchTarget(name, ledger, () => Task.CompletedTask);
            case "redis" or "redis-twostep":
                var (authority, prefix) = await CreateRedisAsync(redis!, totals, claimInScript: name == "redis" ? null : false);
                return new BenchTarget(name, authority, () => DeleteKeysAsync(redis!, prefix));
            case "postgres" or "postgres-unbatched":
                return await CreatePostgresAsync(name, options, totals, batch: name == "postgres");
            default:
                throw new ArgumentException($"Unknown authority '{name}'.\n{BenchOptions.Usage}");
        }
    }

    public static async Task<(RedisStockAuthority Authority, string Prefix)> CreateRedisAsync(
        IConnectionMultiplexer redis, IReadOnlyList<StockTotal> totals, bool? claimInScript = null)
    {
        var prefix = "canteen-bench-" + Guid.NewGuid().ToString("N")[..8];
        var authority = new RedisStockAuthority(redis, new RedisStockOptions { KeyPrefix = prefix, ClaimOrderInScript = claimInScript });
        await authority.InitializeAsync(totals, [], CancellationToken.None);
        return (authority, prefix);
    }

    public static async Task DeleteKeysAsync(IConnectionMultiplexer redis, string prefix)
    {
        foreach (var server in redis.GetServers())
        {
            var keys = new List<RedisKey>();
            await foreach (var key in server.KeysAsync(pattern: prefix + ":*", pageSize: 1000))
            {
                keys.Add(key);
            }

            foreach (var chunk in keys.Chunk(1000))
            {
                await redis.GetDatabase().KeyDeleteAsync(chunk);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Authority is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        await cleanup();
    }

    private static async Task<BenchTarget> CreatePostgresAsync(string name, BenchOptions options, IReadOnlyList<StockTotal> totals, bool batch)
    {
        var schema = "stock_bench_" + Guid.NewGuid().ToString("N")[..8];
        var admin = new NpgsqlConnectionStringBuilder(options.Postgres) { Pooling = false }.ToString();
        await ExecuteAsync(admin, $"CREATE SCHEMA \"{schema}\"");

        // One connection per caller when each Try is its own transaction; the batcher needs far fewer.
        var connection = new NpgsqlConnectionStringBuilder(options.Postgres) { SearchPath = schema, MaxPoolSize = options.Callers + 8 };
        var authority = new PostgresStockAuthority(new PostgresStockOptions { ConnectionString = connection.ToString(), BatchTries = batch });
        await authority.InitializeAsync(totals, [], CancellationToken.None);
        return new BenchTarget(name, authority, () => ExecuteAsync(admin, $"DROP SCHEMA \"{schema}\" CASCADE"));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
