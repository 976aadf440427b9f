using Canteen.Engine.Idempotency;
using Canteen.Engine.Identity;
using Canteen.Engine.Ordering;
using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Canteen.Storage.Postgres;

/// <summary>Registers the PostgreSQL adapter as the implementation of every storage port.</summary>
public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="PostgresStorage"/> singleton as <see cref="IOrderStore"/>, <see cref="IIdempotencyStore"/>,
    /// <see cref="IStockStore"/>, <see cref="ICatalogStore"/>, <see cref="IStorageInitializer"/>, <see cref="IOutboxStore"/>,
    /// <see cref="IPaymentStore"/> and the account ports. <see cref="PostgresStorageOptions.ConnectionString"/> is
    /// required: resolving the storage without one throws, naming the setting. Options can also be bound from
    /// configuration with <c>services.Configure&lt;PostgresStorageOptions&gt;(...)</c>.
    /// </summary>
    public static IServiceCollection AddCanteenPostgresStorage(
        this IServiceCollection services,
        Action<PostgresStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PostgresStorageOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // One instance behind every port: they share one connection pool (one NpgsqlDataSource), never several.
        services.AddSingleton(sp => new PostgresStorage(sp.GetRequiredService<IOptions<PostgresStorageOptions>>().Value));
        services.AddSingleton<IOrderStore>(sp => sp.GetRequiredService<PostgresStorage>());
        services.AddSingleton<IIdempotencyStore>(sp => sp.GetRequiredService<PostgresStorage>());
        services.AddSingleton<IStockStore>(sp => sp.GetRequiredService<PostgresStorage>());
        services.AddSingleton<ICatalogStore>(sp => sp.GetRequiredService<PostgresStorage>());
        services.AddSingleton<IStorageInitializer>(sp => sp.GetRequiredService<PostgresStorage>());
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<PostgresStorage>());
        services.AddSingleton<IPaymentStore>(sp => sp.GetRequiredService<PostgresStorage>());
        services.AddSingleton<IUserStore>(sp => sp.GetRequiredService<PostgresStorage>());
        services.AddSingleton<IUnpaidOrderCounter>(sp => sp.GetRequiredService<PostgresStorage>());
        return services;
    }
}
