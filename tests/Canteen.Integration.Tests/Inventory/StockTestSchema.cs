using Canteen.Integration.Tests.Support;
using Npgsql;

namespace Canteen.Integration.Tests.Inventory;

/// <summary>
/// A schema of its own on the test PostgreSQL server (<c>CANTEEN_TEST_POSTGRES</c>) for one stock test: the
/// authority's connection string points its search path there, and the schema is dropped at the end. Skipped on a
/// developer box without the server, a failure under <c>CI=true</c>.
/// </summary>
internal sealed class StockTestSchema
{
    private const string Fallback = "Host=127.0.0.1;Port=5432;Username=canteen;Password=canteen;Database=canteen";

    private readonly string _server;

    private StockTestSchema(string server, string name)
    {
        _server = server;
        Name = name;

        // A small pool per test: several test classes run in parallel against one server's connection limit.
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = name, MaxPoolSize = 12, IncludeErrorDetail = true }.ToString();
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<StockTestSchema> CreateAsync()
    {
        var server = await ExternalService.RequireAsync("PostgreSQL", "CANTEEN_TEST_POSTGRES", Fallback, ProbeAsync);
        var schema = new StockTestSchema(server, "stock_test_" + Guid.NewGuid().ToString("N"));
        await schema.ExecuteAsync($"CREATE SCHEMA \"{schema.Name}\"");
        return schema;
    }

    public ValueTask DropAsync() => new(ExecuteAsync($"DROP SCHEMA IF EXISTS \"{Name}\" CASCADE"));

    private async Task ExecuteAsync(string sql)
    {
        // Not the test's token: the drop must run even when the test was cancelled.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ProbeAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 }.ToString());
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or TimeoutException)
        {
            return e.Message;
        }
    }
}
