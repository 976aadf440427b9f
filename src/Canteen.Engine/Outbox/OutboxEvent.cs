namespace Canteen.Engine.Outbox;

/// <summary>
/// A fact written to the outbox in the same transaction as the change it describes, so it can never be lost or
/// published for a change that rolled back. <see cref="Payload"/> is JSON.
/// </summary>
public sealed record OutboxEvent(
    Guid Id,
    string Type,
    string AggregateId,
    string StoreId,
    string Payload,
    DateTimeOffset OccurredAt);
