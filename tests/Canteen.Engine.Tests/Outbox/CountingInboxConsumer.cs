using System.Collections.Concurrent;
using Canteen.Engine.Ordering;
using Canteen.Engine.Outbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace Canteen.Engine.Tests.Outbox;

/// <summary>An inbox consumer that counts how often it acted on each event, and can be told to fail one action.</summary>
internal sealed class CountingInboxConsumer(OrderWriter writer, TimeProvider time)
    : InboxConsumer(writer, time, NullLogger.Instance)
{
    public const string ConsumerName = "counting";

    private readonly ConcurrentDictionary<Guid, int> _actions = new();

    public override string Name => ConsumerName;

    /// <summary>Acting on this event throws.</summary>
    public Guid? FailOn { get; set; }

    public int ActionsFor(Guid eventId) => _actions.GetValueOrDefault(eventId);

    public int TotalActions => _actions.Values.Sum();

    protected override ValueTask ActAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        _actions.AddOrUpdate(outboxEvent.Id, 1, (_, n) => n + 1);
        if (outboxEvent.Id == FailOn)
        {
            throw new InvalidOperationException("Simulated action failure.");
        }

        return ValueTask.CompletedTask;
    }
}
