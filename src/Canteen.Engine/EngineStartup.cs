using Canteen.Engine.Catalog;
using Canteen.Engine.Inventory;
using Canteen.Engine.Ordering;
using Canteen.Engine.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Canteen.Engine;

/// <summary>
/// Brings the engine up in dependency order before the server takes requests: storage schema and seed, menu
/// snapshots, the stock ledger rebuilt from persisted holds, pickup counters, then the writer. Stopping drains
/// the writer so every accepted order is answered.
/// </summary>
public sealed class EngineStartup(
    IStorageInitializer storage,
    ICatalogStore catalog,
    IStockStore stockStore,
    IOrderStore orders,
    MenuCache menus,
    IStockAuthority stock,
    PickupNumberAllocator pickups,
    OrderWriter writer,
    IOptions<EngineOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.InitializeAsync(options.Value.SeedDemoData ? DemoCatalog.Create() : null, cancellationToken);
        await menus.ReloadAsync(catalog, cancellationToken);
        await stock.InitializeAsync(
            await stockStore.LoadTotalsAsync(cancellationToken),
            await stockStore.LoadActiveHoldsAsync(cancellationToken),
            cancellationToken);

        await pickups.InitializeAsync(menus.Stores, orders, cancellationToken);
        writer.Start();
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await writer.DisposeAsync();
}
