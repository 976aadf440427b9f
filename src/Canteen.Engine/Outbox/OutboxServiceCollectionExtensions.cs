using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Canteen.Engine.Outbox;

/// <summary>Registers the outbox relay and pruner, the in-process bus, the consumers and the live store feed.</summary>
public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Call after the engine start-up is registered: hosted services start in registration order, and the relay and
    /// consumers need the writer running. The bus is registered with TryAdd so a distributed bus can take its place.
    /// </summary>
    public static IServiceCollection AddCanteenOutbox(this IServiceCollection services)
    {
        services.TryAddSingleton<IEventBus, InProcessEventBus>();
        services.AddSingleton<StoreEventFeed>();
        services.AddSingleton<StoreEventsConsumer>();
        services.AddSingleton<IEventConsumer>(sp => sp.GetRequiredService<StoreEventsConsumer>());
        services.AddHostedService<EventConsumerHost>();
        services.AddHostedService<OutboxRelay>();
        services.AddHostedService<OutboxPruner>();
        return services;
    }
}
