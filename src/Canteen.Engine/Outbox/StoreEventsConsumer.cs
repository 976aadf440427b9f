using Canteen.Engine.Ordering;
using Microsoft.Extensions.Logging;

namespace Canteen.Engine.Outbox;

/// <summary>
/// Feeds the live per-store stream (<see cref="StoreEventFeed"/>) behind <c>GET /api/v1/stores/{storeId}/events</c>.
/// The inbox makes a redelivered event reach live clients once; a crash between record and fan-out loses nothing a
/// client could miss, because the crash closed every live connection too.
/// </summary>
public sealed class StoreEventsConsumer(StoreEventFeed feed, OrderWriter writer, TimeProvider time, ILogger<StoreEventsConsumer> logger)
    : InboxConsumer(writer, time, logger)
{
    /// <summary>The inbox key of this consumer.</summary>
    public const string ConsumerName = "store-events";

    public override string Name => ConsumerName;

    protected override ValueTask ActAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        feed.Publish(outboxEvent);
        return ValueTask.CompletedTask;
    }
}
