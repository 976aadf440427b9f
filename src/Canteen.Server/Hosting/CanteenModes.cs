using Canteen.Engine.Errors;
using Canteen.Redis;
using Canteen.Stock.Postgres;
using Canteen.Storage.Postgres;
using Canteen.Storage.Sqlite;

namespace Canteen.Server.Hosting;

/// <summary>
/// Which adapters run, chosen by configuration only (DESIGN §1): <c>Canteen:Storage</c> picks the system of record,
/// <c>Canteen:Stock</c> the stock authority. An unknown value stops start-up with a message naming the choices.
/// </summary>
internal static class CanteenModes
{
    public static IServiceCollection AddCanteenAdapters(this IServiceCollection services, IConfiguration config)
    {
        var storage = config["Canteen:Storage"] ?? "sqlite";
        switch (storage.ToLowerInvariant())
        {
            case "sqlite":
                services.AddCanteenSqliteStorage(o =>
                {
                    o.DataDirectory = config["Canteen:DataDirectory"] ?? "./data";
                    o.Synchronous = config["Canteen:Sqlite:Synchronous"] ?? o.Synchronous;
                    o.IdempotencyFilterCapacity = config.GetValue("Canteen:Sqlite:IdempotencyFilterCapacity", o.IdempotencyFilterCapacity);
                });
                break;
            case "postgres":
                var connectionString = config["Canteen:Postgres:ConnectionString"];
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Canteen:Storage is 'postgres' but Canteen:Postgres:ConnectionString is not set " +
                        "(e.g. 'Host=127.0.0.1;Port=5432;Username=canteen;Password=...;Database=canteen').");
                }

                services.AddCanteenPostgresStorage(o =>
                {
                    o.ConnectionString = connectionString;
                    o.Schema = config["Canteen:Postgres:Schema"] ?? o.Schema;
                });
                break;
            default:
                throw new InvalidConfigurationException($"Canteen:Storage is '{storage}'; expected 'sqlite' or 'postgres'.");
        }

        var stock = config["Canteen:Stock"] ?? "inprocess";
        switch (stock.ToLowerInvariant())
        {
            case "inprocess":
                // The engine registers the in-process ledger by default.
                break;
            case "redis":
                var redis = config["Canteen:Redis:Configuration"];
                if (string.IsNullOrWhiteSpace(redis))
                {
                    throw new InvalidOperationException(
                        "Canteen:Stock is 'redis' but Canteen:Redis:Configuration is not set (e.g. '127.0.0.1:6379').");
                }

                services.AddCanteenRedisStock(o =>
                {
                    o.Configuration = redis;
                    o.KeyPrefix = config["Canteen:Redis:KeyPrefix"] ?? o.KeyPrefix;
                });
                break;
            case "database":
                var database = config["Canteen:Postgres:ConnectionString"];
                if (string.IsNullOrWhiteSpace(database))
                {
                    throw new InvalidOperationException(
                        "Canteen:Stock is 'database' but Canteen:Postgres:ConnectionString is not set " +
                        "(e.g. 'Host=127.0.0.1;Port=5432;Username=canteen;Password=...;Database=canteen').");
                }

                services.AddCanteenPostgresStock(o => o.ConnectionString = database);
                break;
            default:
                throw new InvalidConfigurationException($"Canteen:Stock is '{stock}'; expected 'inprocess', 'redis' or 'database'.");
        }

        return services;
    }
}
