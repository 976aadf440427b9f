using Canteen.Storage.Postgres;
using Npgsql;

namespace Canteen.Integration.Tests.Support;

/// <summary>
/// A schema of its own on the test PostgreSQL server for one test, so tests run in parallel on one database without
/// seeing each other's rows. The schema is created by the adapter's first migration run and dropped at the end.
/// </summary>
internal sealed class PostgresTestSchema
{
    public const string Variable = "CANTEEN_TEST_POSTGRES";

    public const string Fallback = "Host=127.0.0.1;Port=5432;Username=canteen;Password=canteen;Database=canteen";

    private PostgresTestSchema(string connectionString)
    {
        ConnectionString = connectionString;
        Name = "test_" + Guid.NewGuid().ToString("N");
    }

    public string ConnectionString { get; }

    public string Name { get; }

    /// <summary>Skips the test when no server is reachable on a developer box; fails it under <c>CI=true</c>.</summary>
    public static async Task<PostgresTestSchema> CreateAsync() =>
        new(await ExternalService.RequireAsync("PostgreSQL", Variable, Fallback, ProbeAsync));

    public PostgresStorageOptions Options() => new() { ConnectionString = ConnectionString, Schema = Name };

    /// <summary>A plain, unpooled connection whose search_path is this schema, for looking past the adapter.</summary>
    public async Task<NpgsqlConnection> OpenRawAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = Name, Pooling = false }.ToString());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenRawAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    public async Task<List<string>> ColumnAsync(string sql)
    {
        await using var connection = await OpenRawAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    public async ValueTask DropAsync()
    {
        // Not the test's token: cleanup must run even when the test was cancelled.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Name}\" CASCADE;", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ProbeAsync(string connectionString)
    {
        try
        {
            var probe = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 };
            await using var connection = new NpgsqlConnection(probe.ToString());
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or TimeoutException)
        {
            return ex.Message;
        }
    }
}
