using System.Net;
using Canteen.Server.Tests.Support;
using Npgsql;

namespace Canteen.Server.Tests.Observability;

/// <summary>
/// Readiness in PostgreSQL mode against the real database, reached through a <see cref="TcpForwarder"/>: cutting the
/// relay makes the database unreachable for the server (as a network partition would), restoring it brings it back.
/// Needs <c>CANTEEN_TEST_POSTGRES</c> (set by <c>.ci/run</c>): skipped without it, failed without it under CI=true.
/// </summary>
public sealed class PostgresReadinessTests
{
    [Fact]
    public async Task Ready_DatabaseUnreachableThenBack_UnhealthyThenHealthy()
    {
        var configured = TestServices.RequirePostgres("readiness");

        var direct = new NpgsqlConnectionStringBuilder(configured);
        var schema = "obs_" + Guid.NewGuid().ToString("N")[..12];
        await using var relay = new TcpForwarder(direct.Host!, direct.Port);
        var viaRelay = new NpgsqlConnectionStringBuilder(configured) { Host = "127.0.0.1", Port = relay.Port, Timeout = 5 };
        try
        {
            await using (var app = new ObservedApp(new Dictionary<string, string?>
            {
                ["Canteen:Storage"] = "postgres",
                ["Canteen:Postgres:ConnectionString"] = viaRelay.ConnectionString,
                ["Canteen:Postgres:Schema"] = schema,
            }))
            {
                var client = app.Client();
                Assert.Equal(HttpStatusCode.OK, await ReadyAsync(client));

                relay.Cut();
                Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadyAsync(client));

                relay.Restore();
                Assert.Equal(HttpStatusCode.OK, await Eventually.GetAsync(() => ReadyAsync(client), status => status == HttpStatusCode.OK));
            }
        }
        finally
        {
            await using var connection = new NpgsqlConnection(configured);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<HttpStatusCode> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        return response.StatusCode;
    }
}
