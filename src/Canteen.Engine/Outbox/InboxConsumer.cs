using System.Runtime.ExceptionServices;
using Canteen.Engine.Ordering;
using Canteen.Engine.Storage;
using Canteen.Engine.Telemetry;
using Microsoft.Extensions.Logging;

namespace Canteen.Engine.Outbox;

/// <summary>
/// A consumer that handles each event once however often it is delivered: before acting it records the event id in
/// its inbox through the order writer, and it acts only if that insert is new (<see cref="WriteOutcome.Committed"/>);
/// a <see cref="WriteOutcome.Duplicate"/> means it was handled before, so it is skipped. Because the writer is a
/// single loop, two concurrent deliveries of one event are serialised there and exactly one of them wins.
/// </summary>
/// <remarks>
/// Record, then act. A crash after the record but before the action loses that action; acting first would instead
/// repeat it after a crash. Record-then-act is right for what acts here today, in-memory effects such as the live
/// feed and projections: they die with the process, so a lost action has no one to miss it, while a repeated one
/// would be seen twice by a live client. A consumer whose effect is durable should write it in the same transaction
/// as its inbox row, which makes the pair exactly once. An action that throws is logged and not retried: the event
/// is already recorded, so a redelivery would be skipped anyway.
/// </remarks>
public abstract partial class InboxConsumer : IEventConsumer
{
    private readonly OrderWriter _writer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    protected InboxConsumer(OrderWriter writer, TimeProvider time, ILogger logger)
    {
        _writer = writer;
        _time = time;
        _logger = logger;
    }

    public abstract string Name { get; }

    public async Task HandleAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var now = _time.GetUtcNow();

        // Queue every inbox row before awaiting any, so the writer commits the whole delivery in one transaction. They
        // wait among the system's own writes, never in guests' places (OrderWriter); 32 at a time, one commit each,
        // held the relay to about 4,400 events/s, behind the orders at peak.
        var recorded = new Task<WriteOutcome>[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            recorded[i] = Record(events[i], now);
        }

        // Every event is handled even after one failed: what was recorded is acted on, the rest comes again.
        ExceptionDispatchInfo? failure = null;
        for (var i = 0; i < events.Count; i++)
        {
            WriteOutcome outcome;
            try
            {
                outcome = await recorded[i];
            }
            catch (Exception ex)
            {
                // Not recorded, so not handled: failing the batch makes the bus deliver it again.
                failure ??= ExceptionDispatchInfo.Capture(ex);
                continue;
            }

            if (outcome == WriteOutcome.Committed)
            {
                await ActSafelyAsync(events[i], cancellationToken);
            }
            else
            {
                LogSkipped(Name, events[i].Id);
            }
        }

        failure?.Throw();
    }

    /// <summary>The effect of one event; called at most once per event id for this consumer's <see cref="Name"/>.</summary>
    protected abstract ValueTask ActAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken);

    // Bookkeeping waits for room in the writer's queue rather than being shed: shedding it would only bring the
    // same event back. If the writer is shutting down the write fails and the event is delivered again later.
    private Task<WriteOutcome> Record(OutboxEvent outboxEvent, DateTimeOffset now) =>
        _writer.SubmitWaitingAsync(new RecordInbox(Name, outboxEvent.Id, now), CancellationToken.None);

    private async Task ActSafelyAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        // A child of the span that produced the event (its traceparent rides in the payload), so one trace shows both.
        using var activity = OutboxTrace.StartConsumerActivity(outboxEvent, Name);
        try
        {
            await ActAsync(outboxEvent, cancellationToken);
        }
        catch (Exception ex)
        {
            activity.RecordError(ex);
            LogActionFailed(ex, Name, outboxEvent.Type, outboxEvent.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Consumer {Consumer} skipped event {EventId}: already handled")]
    private partial void LogSkipped(string consumer, Guid eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consumer {Consumer} failed to act on {EventType} {EventId}; it is recorded and will not be retried")]
    private partial void LogActionFailed(Exception error, string consumer, string eventType, Guid eventId);
}
