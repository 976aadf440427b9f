using Canteen.Core.Ordering;
using Canteen.Engine.Idempotency;
using Canteen.Engine.Outbox;

namespace Canteen.Engine.Storage;

/// <summary>One change the order writer commits. A batch of them goes to storage in a single transaction.</summary>
public abstract record StorageWrite;

/// <summary>
/// A new order with its stock holds (limited dishes only), its idempotency record (when the request had a key) and
/// its <c>OrderCreated</c> event: all durable together or not at all.
/// </summary>
public sealed record InsertOrder(
    OrderSnapshot Order,
    IReadOnlyList<HoldLine> Holds,
    IdempotencyRecord? Idempotency,
    OutboxEvent Event) : StorageWrite;

/// <summary>
/// A status change, applied only if the stored version is still <paramref name="ExpectedVersion"/> (optimistic
/// concurrency); <paramref name="HoldChange"/> moves the order's held portions in the same transaction.
/// </summary>
public sealed record UpdateOrder(
    OrderSnapshot Order,
    int ExpectedVersion,
    HoldState? HoldChange,
    OutboxEvent Event) : StorageWrite;

/// <summary>Sets today's total portions of a limited dish in a store.</summary>
public sealed record SetStockTotal(string StoreId, string DishId, int Total) : StorageWrite;

/// <summary>
/// Starts a store's new business day: its confirmed holds become <see cref="HoldState.Settled"/> (yesterday's sales no
/// longer count), and each limited dish's total goes back to its daily portions, or to what is still held if that is
/// more, so a reset never takes portions away from a guest who is paying.
/// </summary>
public sealed record ResetDailyStock(string StoreId) : StorageWrite;

/// <summary>Marks outbox events as published so the relay does not send them again (it may after a crash: at least once).</summary>
public sealed record MarkOutboxSent(IReadOnlyList<Guid> EventIds, DateTimeOffset SentAt) : StorageWrite;

/// <summary>
/// Records that <paramref name="Consumer"/> handled an event. <see cref="WriteOutcome.Duplicate"/> when it already
/// had: the inbox is what turns at-least-once delivery into handled-once.
/// </summary>
public sealed record RecordInbox(string Consumer, Guid EventId, DateTimeOffset HandledAt) : StorageWrite;
