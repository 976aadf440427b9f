using Canteen.Engine.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Canteen.Server.Hosting;

/// <summary>Ready means storage answers: without it no order can be acknowledged.</summary>
internal sealed class StorageHealthCheck(IStorageInitializer storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await storage.PingAsync(cancellationToken)
            ? HealthCheckResult.Healthy("Storage answers.")
            : HealthCheckResult.Unhealthy("Storage does not answer.");
}
