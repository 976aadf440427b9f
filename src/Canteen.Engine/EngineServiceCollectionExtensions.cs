using Canteen.Core.Ordering;
using Canteen.Engine.Catalog;
using Canteen.Engine.Idempotency;
using Canteen.Engine.Inventory;
using Canteen.Engine.Ordering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Canteen.Engine;

/// <summary>Registers the engine. Storage adapters register the ports; the host binds the options.</summary>
public static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddCanteenEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MenuCache>();
        services.TryAddSingleton<InProcessStockLedger>();
        services.TryAddSingleton<IStockAuthority>(sp => sp.GetRequiredService<InProcessStockLedger>());
        services.AddSingleton<PickupNumberAllocator>();
        services.AddSingleton<OrderWriter>();
        services.AddSingleton<IdempotencyGate>();
        services.AddSingleton(sp => new SnowflakeIdGenerator(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<OrderingOptions>>().Value.WorkerId));
        services.AddSingleton<PlaceOrderHandler>();
        services.AddSingleton<OrderLifecycle>();
        services.AddSingleton<StockService>();
        services.AddHostedService<EngineStartup>();
        return services;
    }
}
