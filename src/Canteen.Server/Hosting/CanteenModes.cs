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
                services.AddCanteenSqliteStorage(o => o.DataDirectory = config["Canteen:DataDirectory"] ?? "./data");
                break;
            default:
                throw new InvalidOperationException($"Canteen:Storage is '{storage}'; expected 'sqlite'.");
        }

        var stock = config["Canteen:Stock"] ?? "inprocess";
        switch (stock.ToLowerInvariant())
        {
            case "inprocess":
                // The engine registers the in-process ledger by default.
                break;
            default:
                throw new InvalidOperationException($"Canteen:Stock is '{stock}'; expected 'inprocess'.");
        }

        return services;
    }
}
