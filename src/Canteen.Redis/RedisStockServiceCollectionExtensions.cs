using Canteen.Engine.Inventory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Canteen.Redis;

/// <summary>Registers the Redis stock authority (<c>Canteen:Stock=redis</c>).</summary>
public static class RedisStockServiceCollectionExtensions
{
    /// <summary>
    /// Replaces whatever <see cref="IStockAuthority"/> is registered (the engine's in-process ledger) with a
    /// <see cref="RedisStockAuthority"/>, over one shared <see cref="IConnectionMultiplexer"/> singleton (added if
    /// none is registered yet; it is thread-safe and meant to be shared, and the container disposes it).
    /// </summary>
    public static IServiceCollection AddCanteenRedisStock(this IServiceCollection services, Action<RedisStockOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new RedisStockOptions();
        configure(options);
        if (string.IsNullOrWhiteSpace(options.Configuration))
        {
            throw new InvalidOperationException("The Redis stock authority needs a connection: set Canteen:Redis:Configuration (e.g. 127.0.0.1:6379).");
        }

        services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options.Configuration));
        services.TryAddSingleton(sp => new RedisStockAuthority(sp.GetRequiredService<IConnectionMultiplexer>(), options));
        services.Replace(ServiceDescriptor.Singleton<IStockAuthority>(sp => sp.GetRequiredService<RedisStockAuthority>()));
        return services;
    }
}
