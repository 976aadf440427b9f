using Canteen.Core.Ordering;
using Canteen.Engine.Catalog;
using Canteen.Engine.Idempotency;
using Canteen.Engine.Inventory;
using Canteen.Engine.Ordering;
using Canteen.Engine.Outbox;
using Canteen.Engine.Payments;
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
        services.AddOptions<InventoryOptions>();
        services.AddSingleton<StockInvariantChecker>();
        services.AddSingleton<StockFollowUp>();
        services.AddOptions<PaymentOptions>();
        services.AddSingleton<IPaymentProvider, CashProvider>();
        services.AddSingleton<PaymentGateway>();
        services.AddSingleton<PaymentSaga>();
        services.AddSingleton<PaymentCallbacks>();
        services.AddHostedService<EngineStartup>();

        // Hosted services start in registration order and stop in reverse: these start once EngineStartup has the
        // ledger loaded and the writer running (the reset catches up before requests are served), and stop before
        // the writer drains.
        services.AddHostedService<DailyStockReset>();
        services.AddHostedService<ExpirySweeper>();
        services.AddHostedService<PaymentSagaRunner>();
        services.AddHostedService<IdempotencyPruner>();
        services.AddCanteenOutbox();
        return services;
    }
}
