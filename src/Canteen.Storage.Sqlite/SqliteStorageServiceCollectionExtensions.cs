using Canteen.Engine.Idempotency;
using Canteen.Engine.Identity;
using Canteen.Engine.Ordering;
using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Canteen.Storage.Sqlite;

/// <summary>Registers the embedded SQLite adapter as the implementation of every storage port.</summary>
public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="SqliteStorage"/> singleton as <see cref="IOrderStore"/>, <see cref="IIdempotencyStore"/>,
    /// <see cref="IStockStore"/>, <see cref="ICatalogStore"/>, <see cref="IStorageInitializer"/>, <see cref="IOutboxStore"/>,
    /// <see cref="IPaymentStore"/> and the account ports. Options can also be bound from configuration with
    /// <c>services.Configure&lt;SqliteStorageOptions&gt;(...)</c>.
    /// </summary>
    public static IServiceCollection AddCanteenSqliteStorage(
        this IServiceCollection services,
        Action<SqliteStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SqliteStorageOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // Checked when the host starts, so a bad mode stops start-up with its reason rather than at first use.
        services.AddSingleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidation>();
        options.ValidateOnStart();

        // One instance behind every port: they share the single write connection, which must not be duplicated.
        services.AddSingleton(sp => new SqliteStorage(sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value));
        services.AddSingleton<IOrderStore>(sp => sp.GetRequiredService<SqliteStorage>());
        services.AddSingleton<IIdempotencyStore>(sp => sp.GetRequiredService<SqliteStorage>());
        services.AddSingleton<IStockStore>(sp => sp.GetRequiredService<SqliteStorage>());
        services.AddSingleton<ICatalogStore>(sp => sp.GetRequiredService<SqliteStorage>());
        services.AddSingleton<IStorageInitializer>(sp => sp.GetRequiredService<SqliteStorage>());
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<SqliteStorage>());
        services.AddSingleton<IPaymentStore>(sp => sp.GetRequiredService<SqliteStorage>());
        services.AddSingleton<IUserStore>(sp => sp.GetRequiredService<SqliteStorage>());
        services.AddSingleton<IUnpaidOrderCounter>(sp => sp.GetRequiredService<SqliteStorage>());
        return services;
    }
}
