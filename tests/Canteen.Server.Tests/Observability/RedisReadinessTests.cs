using System.Net;
using StackExchange.Redis;

namespace Canteen.Server.Tests.Observability;

/// <summary>
/// Readiness in Redis stock mode against the real Redis, reached through a <see cref="TcpForwarder"/>: cutting the
/// relay makes Redis unreachable for the server, restoring it lets the multiplexer reconnect. The shared Redis is never
/// stopped. Needs <c>CANTEEN_TEST_REDIS</c> (set by <c>.ci/run</c>): skipped without it, failed without it under CI=true.
/// </summary>
public sealed class RedisReadinessTests
{
    [Fact]
    public async Task Ready_RedisUnreachableThenBack_UnhealthyThenHealthy()
    {
        var configured = Environment.GetEnvironmentVariable("CANTEEN_TEST_REDIS");
        if (string.IsNullOrEmpty(configured))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "CI=true but CANTEEN_TEST_REDIS is not set.");
            Assert.Skip("Set CANTEEN_TEST_REDIS (bash .ci/run does) to test readiness against Redis.");
        }

        var (host, port) = ConfigurationOptions.Parse(configured).EndPoints.Single() switch
        {
            DnsEndPoint dns => (dns.Host, dns.Port),
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            var other => throw new InvalidOperationException($"Unexpected Redis endpoint {other}."),
        };
        var prefix = "obs-" + Guid.NewGuid().ToString("N")[..12];
        await using var relay = new TcpForwarder(host, port);
        try
        {
            await using var app = new ObservedApp(new Dictionary<string, string?>
            {
                ["Canteen:Stock"] = "redis",
                ["Canteen:Redis:Configuration"] = $"127.0.0.1:{relay.Port},connectTimeout=2000,syncTimeout=2000,asyncTimeout=2000",
                ["Canteen:Redis:KeyPrefix"] = prefix,
            });
            var client = app.Client();
            Assert.Equal(HttpStatusCode.OK, await ReadyAsync(client));

            relay.Cut();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await Eventually.GetAsync(() => ReadyAsync(client), status => status != HttpStatusCode.OK));

            relay.Restore();
            Assert.Equal(HttpStatusCode.OK, await Eventually.GetAsync(() => ReadyAsync(client), status => status == HttpStatusCode.OK));
        }
        finally
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(configured + ",allowAdmin=true");
            var server = redis.GetServer(redis.GetEndPoints().Single());
            await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
            {
                await redis.GetDatabase().KeyDeleteAsync(key);
            }
        }
    }

    private static async Task<HttpStatusCode> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        return response.StatusCode;
    }
}
