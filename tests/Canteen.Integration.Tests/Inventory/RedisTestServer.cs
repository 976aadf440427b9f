using Canteen.Integration.Tests.Support;
using StackExchange.Redis;

namespace Canteen.Integration.Tests.Inventory;

/// <summary>
/// The real redis-server the Redis tests run against (<c>CANTEEN_TEST_REDIS</c>, default <c>127.0.0.1:6379</c>):
/// skipped on a developer box without one, a failure under <c>CI=true</c>. One multiplexer is shared by all tests,
/// as in production; tests isolate themselves by key prefix.
/// </summary>
internal static class RedisTestServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ConnectionMultiplexer? _shared;

    public static async Task<IConnectionMultiplexer> ConnectAsync()
    {
        var address = await ExternalService.RequireAsync("Redis", "CANTEEN_TEST_REDIS", "127.0.0.1:6379", ProbeAsync);
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return _shared ??= await ConnectionMultiplexer.ConnectAsync(address);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Deletes every key under <paramref name="prefix"/> (SCAN, so the server is never blocked).</summary>
    public static async Task DeleteKeysAsync(IConnectionMultiplexer redis, string prefix)
    {
        var database = redis.GetDatabase();
        foreach (var server in redis.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: prefix + ":*", pageSize: 500))
            {
                await database.KeyDeleteAsync(key);
            }
        }
    }

    private static async Task<string?> ProbeAsync(string address)
    {
        if (_shared is { IsConnected: true })
        {
            return null;
        }

        try
        {
            var options = ConfigurationOptions.Parse(address);
            options.AbortOnConnectFail = true;
            options.ConnectTimeout = 3000;
            await using var probe = await ConnectionMultiplexer.ConnectAsync(options);
            await probe.GetDatabase().PingAsync();
            return null;
        }
        catch (RedisException e)
        {
            return e.Message;
        }
    }
}
