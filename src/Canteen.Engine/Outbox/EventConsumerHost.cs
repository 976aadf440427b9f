using Microsoft.Extensions.Hosting;

namespace Canteen.Engine.Outbox;

/// <summary>
/// Subscribes every registered <see cref="IEventConsumer"/> to the bus at start-up and unsubscribes them at shutdown.
/// Registered after the engine start-up and before the relay, so consumers listen before the first publish and stop
/// after the relay (hosted services stop in reverse order) but before the writer drains.
/// </summary>
public sealed class EventConsumerHost(IEventBus bus, IEnumerable<IEventConsumer> consumers) : IHostedService
{
    private IAsyncDisposable[] _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions = [.. consumers.Select(bus.Subscribe)];
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Taken atomically: the host may call StopAsync more than once, and each subscription must stop once.
        foreach (var subscription in Interlocked.Exchange(ref _subscriptions, []))
        {
            await subscription.DisposeAsync();
        }
    }
}
