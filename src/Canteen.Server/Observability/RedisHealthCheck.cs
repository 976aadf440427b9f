using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Canteen.Server.Observability;

/// <summary>
/// Ready means Redis answers too, when it is the stock authority (<c>Canteen:Stock=redis</c>): without it no limited
/// dish can be held, so an instance that cannot reach it should get no traffic. One PING on the shared multiplexer.
/// </summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public const string Name = "redis";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Redis answers ({latency.TotalMilliseconds:0.#} ms).");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Not ready rather than failed: the multiplexer keeps reconnecting, and the probe turns healthy again.
            return HealthCheckResult.Unhealthy("Redis does not answer.", ex);
        }
    }
}
