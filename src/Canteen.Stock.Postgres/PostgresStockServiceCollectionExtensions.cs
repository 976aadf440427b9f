using Canteen.Engine.Inventory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Canteen.Stock.Postgres;

/// <summary>Registers the PostgreSQL stock authority (<c>Canteen:Stock=database</c>).</summary>
public static class PostgresStockServiceCollectionExtensions
{
    /// <summary>
    /// Replaces whatever <see cref="IStockAuthority"/> is registered (the engine's in-process ledger) with one
    /// <see cref="PostgresStockAuthority"/> singleton, which the container disposes (its batch loop and connections).
    /// </summary>
    public static IServiceCollection AddCanteenPostgresStock(this IServiceCollection services, Action<PostgresStockOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new PostgresStockOptions();
        configure(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("The database stock authority needs a connection: set Canteen:Postgres:ConnectionString.");
        }

        services.TryAddSingleton(_ => new PostgresStockAuthority(options));
        services.Replace(ServiceDescriptor.Singleton<IStockAuthority>(sp => sp.GetRequiredService<PostgresStockAuthority>()));
        return services;
    }
}
