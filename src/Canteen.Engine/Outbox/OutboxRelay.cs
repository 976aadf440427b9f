using Canteen.Engine.Ordering;
using Canteen.Engine.Storage;
using Canteen.Engine.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Canteen.Engine.Outbox;

/// <summary>
/// Publishes what the outbox holds (DESIGN §6): read unsent events oldest first, publish them, then mark them sent
/// through the order writer (the single writer of the system of record). A crash between publishing and marking
/// leaves them unsent, so they are published again after the restart: delivery is at least once, never at most.
/// </summary>
/// <remarks>
/// The relay polls every <see cref="OutboxOptions.PollInterval"/> and is also woken by every batch the writer
/// commits, so an order's event normally leaves within one commit of the order. Its own mark-sent commits and the
/// consumers' inbox commits wake it too; that costs one empty read of a small partial index per commit, which is
/// cheaper than teaching the writer which writes carry events. Only one relay may run per system of record.
/// Order: one order's events go out in the order they happened, because a change is computed only after the previous
/// one committed; across orders the order is only roughly kept, and a redelivered batch arrives after later ones, so
/// consumers that care compare the payload's <c>version</c>.
/// </remarks>
public sealed partial class OutboxRelay(
    IOutboxStore outbox,
    IEventBus bus,
    OrderWriter writer,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;
    private readonly WakeSignal _wake = new();

    /// <summary>
    /// One round: publishes up to <see cref="OutboxOptions.BatchSize"/> unsent events and marks them sent. Returns how
    /// many it relayed. Throws if publishing or marking fails; the events then stay unsent for the next round.
    /// </summary>
    public async Task<int> RelayOnceAsync(CancellationToken cancellationToken)
    {
        var events = await outbox.ReadUnsentAsync(_options.BatchSize, cancellationToken);
        CanteenMetrics.OutboxBacklog(events.Count == 0 ? TimeSpan.Zero : time.GetUtcNow() - events[0].OccurredAt);
        if (events.Count == 0)
        {
            return 0;
        }

        await bus.PublishAsync(events, cancellationToken);
        var publishedAt = time.GetUtcNow();
        var ids = new Guid[events.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = events[i].Id;
            CanteenMetrics.OutboxPublished(publishedAt - events[i].OccurredAt);
        }

        // Not cancellable on purpose: once queued, the mark completes even during shutdown (the writer drains).
        await writer.SubmitWaitingAsync(new MarkOutboxSent(ids, time.GetUtcNow()), CancellationToken.None);
        LogRelayed(events.Count);
        return events.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        writer.BatchCommitted += OnBatchCommitted;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                _wake.Reset();
                var relayed = 0;
                var failed = false;
                try
                {
                    relayed = await RelayOnceAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    LogRoundFailed(ex, _options.RetryDelay);
                    failed = true;
                }

                if (failed)
                {
                    // Commits keep waking the relay; a pause keeps a persistent failure from becoming a busy loop.
                    await Task.Delay(_options.RetryDelay, time, stoppingToken);
                }
                else if (relayed < _options.BatchSize)
                {
                    await _wake.WaitAsync(_options.PollInterval, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: whatever was not marked is still unsent and goes out after the next start.
        }
        finally
        {
            writer.BatchCommitted -= OnBatchCommitted;
        }
    }

    private void OnBatchCommitted(int count) => _wake.Set();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Relayed {Count} outbox events")]
    private partial void LogRelayed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay round failed; the events stay unsent and are retried in {Delay}")]
    private partial void LogRoundFailed(Exception error, TimeSpan delay);
}
