using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Canteen.Engine.Outbox;

/// <summary>
/// One consumer on the in-process bus: a bounded queue of batches and one loop that hands them to the consumer one
/// at a time, so a consumer sees events in publish order and never runs concurrently with itself.
/// </summary>
internal sealed partial class InProcessSubscription : IAsyncDisposable
{
    private readonly Channel<Delivery> _queue;
    private readonly IEventConsumer _consumer;
    private readonly Action<InProcessSubscription> _detach;
    private readonly ILogger _logger;

    // Never disposed: it has no timer, and a second DisposeAsync racing the first must still be able to read it.
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _disposed;

    public InProcessSubscription(IEventConsumer consumer, int capacity, Action<InProcessSubscription> detach, ILogger logger)
    {
        _consumer = consumer;
        _detach = detach;
        _logger = logger;
        _queue = Channel.CreateBounded<Delivery>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(RunAsync);
    }

    public string ConsumerName => _consumer.Name;

    /// <summary>Queues a batch, waiting for room while the consumer is behind; returns the task of its handling.</summary>
    public async Task<Task> EnqueueAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        await _queue.Writer.WriteAsync(delivery, cancellationToken);
        return delivery.Handled;
    }

    /// <summary>Idempotent and safe to call concurrently: the host may stop more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _detach(this);
            _queue.Writer.TryComplete();
            await _stop.CancelAsync();
        }

        await _loop;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stop.Token))
            {
                while (reader.TryRead(out var delivery))
                {
                    await DeliverAsync(delivery);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping: whatever is still queued is abandoned below and stays unsent in the outbox.
        }

        while (reader.TryRead(out var left))
        {
            left.Abandon();
        }
    }

    private async Task DeliverAsync(Delivery delivery)
    {
        if (delivery.Abandoned)
        {
            return;
        }

        try
        {
            await _consumer.HandleAsync(delivery.Events, _stop.Token);
            delivery.Complete();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            delivery.Abandon();
        }
        catch (Exception ex)
        {
            LogConsumerFailed(ex, _consumer.Name, delivery.Events.Count);
            delivery.Fail(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer {Consumer} failed a batch of {Count} events; it will be delivered again")]
    private partial void LogConsumerFailed(Exception error, string consumer, int count);
}
