using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Canteen.Engine.Outbox;

/// <summary>
/// The embedded-mode bus: a bounded queue and a loop per subscriber, all in this process.
/// </summary>
/// <remarks>
/// Back-pressure: <see cref="PublishAsync"/> waits for room in each subscriber's queue and then for each subscriber
/// to handle the batch, bounded by <see cref="OutboxOptions.DeliveryTimeout"/>. It never drops an event and never
/// blocks the relay forever. Waiting for the handling is what makes the in-process bus safe: it keeps nothing across
/// a crash, so the outbox row must stay unsent until every consumer has dealt with it. A slow consumer therefore
/// slows the relay, and the backlog waits on disk in the outbox table instead of growing in memory; a consumer that
/// times out makes the relay publish the batch again later (its inbox skips what it had already handled).
/// </remarks>
public sealed class InProcessEventBus(TimeProvider time, IOptions<OutboxOptions> options, ILogger<InProcessEventBus> logger) : IEventBus
{
    private readonly OutboxOptions _options = options.Value;
    private readonly Lock _lock = new();
    // Copied on write under the lock, so a publish reads a stable snapshot without taking it.
    private volatile InProcessSubscription[] _subscriptions = [];

    public async Task PublishAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var subscriptions = _subscriptions;
        if (events.Count == 0 || subscriptions.Length == 0)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(_options.DeliveryTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var deliveries = new Delivery[subscriptions.Length];
        var handled = new Task[subscriptions.Length];
        try
        {
            for (var i = 0; i < subscriptions.Length; i++)
            {
                deliveries[i] = new Delivery(events);
                handled[i] = await subscriptions[i].EnqueueAsync(deliveries[i], linked.Token);
            }

            await Task.WhenAll(handled).WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Abandon(deliveries);
            var slow = subscriptions.Where((_, i) => handled[i] is not { IsCompletedSuccessfully: true }).Select(s => s.ConsumerName);
            throw new TimeoutException(
                $"Consumers [{string.Join(", ", slow)}] did not handle {events.Count} events within {_options.DeliveryTimeout}.");
        }
        catch
        {
            Abandon(deliveries);
            throw;
        }
    }

    public IAsyncDisposable Subscribe(IEventConsumer consumer)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var subscription = new InProcessSubscription(consumer, _options.SubscriberQueueCapacity, Detach, logger);
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    // Queued batches nobody waits for any more are skipped by their subscriber: the relay publishes them again.
    private static void Abandon(Delivery?[] deliveries)
    {
        foreach (var delivery in deliveries)
        {
            delivery?.Abandon();
        }
    }

    private void Detach(InProcessSubscription subscription)
    {
        lock (_lock)
        {
            _subscriptions = Array.FindAll(_subscriptions, s => s != subscription);
        }
    }
}
