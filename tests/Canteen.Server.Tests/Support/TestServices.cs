using StackExchange.Redis;

namespace Canteen.Server.Tests.Support;

/// <summary>
/// The real PostgreSQL and Redis the distributed-mode tests run against (<c>CANTEEN_TEST_POSTGRES</c>,
/// <c>CANTEEN_TEST_REDIS</c>, both set by <c>.ci/run</c>): a test is skipped with a message when one is missing on a
/// developer machine, and fails when <c>CI=true</c>.
/// </summary>
public static class TestServices
{
    public static string RequirePostgres(string purpose)
    {
        var configured = Environment.GetEnvironmentVariable("CANTEEN_TEST_POSTGRES");
        if (string.IsNullOrEmpty(configured))
        {
            Assert.False(IsCi, "CI=true but CANTEEN_TEST_POSTGRES is not set.");
            Assert.Skip($"Set CANTEEN_TEST_POSTGRES (bash .ci/run does) to test {purpose} against PostgreSQL.");
        }

        return configured;
    }

    public static async Task<string> RequireRedisAsync(string purpose)
    {
        var configured = Environment.GetEnvironmentVariable("CANTEEN_TEST_REDIS");
        var candidate = string.IsNullOrEmpty(configured) ? "127.0.0.1:6379" : configured;
        try
        {
            await using var probe = await ConnectionMultiplexer.ConnectAsync(candidate + ",connectTimeout=1000,abortConnect=true");
            await probe.GetDatabase().PingAsync();
            return candidate;
        }
        catch (RedisConnectionException) when (string.IsNullOrEmpty(configured))
        {
            Assert.False(IsCi, "CI=true but no Redis is reachable.");
            Assert.Skip($"No Redis at 127.0.0.1:6379; set CANTEEN_TEST_REDIS (bash .ci/run does) to test {purpose}.");
            throw;
        }
    }

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
