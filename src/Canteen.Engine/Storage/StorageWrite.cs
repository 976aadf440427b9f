using Canteen.Core.Ordering;
using Canteen.Core.Payments;
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
/// concurrency); <paramref name="HoldChange"/> moves the order's holds in the same transaction:
/// <see cref="HoldState.Confirmed"/> moves held ones (payment), <see cref="HoldState.Released"/> moves held ones (cancel)
/// and confirmed ones (a refund from <c>paid</c> gives the portions back). Settled holds (sold on an earlier day) never move.
/// </summary>
public sealed record UpdateOrder(
    OrderSnapshot Order,
    int ExpectedVersion,
    HoldState? HoldChange,
    OutboxEvent Event) : StorageWrite;

/// <summary>
/// A payment change, and the order change it causes, applied together or not at all. <paramref name="ExpectedVersion"/>
/// null inserts a new payment; otherwise the stored payment must still be at that version. <paramref name="Order"/>, when
/// present, is applied exactly as an <see cref="UpdateOrder"/> (version check, hold change, event). If either check
/// fails, nothing of this write is applied and the outcome is <see cref="WriteOutcome.VersionConflict"/> (or
/// <see cref="WriteOutcome.NotFound"/> when a row is missing). <paramref name="Idempotency"/> stores the response of
/// the request that created the payment.
/// </summary>
public sealed record SavePayment(
    PaymentSnapshot Payment,
    int? ExpectedVersion,
    UpdateOrder? Order,
    IdempotencyRecord? Idempotency) : StorageWrite;

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

/// <summary>
/// Forgets events that are history: up to <paramref name="Limit"/> outbox events that occurred before
/// <paramref name="OccurredBefore"/> and were sent, and, for each of <paramref name="Consumers"/>, up to
/// <paramref name="Limit"/> inbox records of events that occurred before it. Unsent events are always kept.
/// </summary>
public sealed record PruneEvents(DateTimeOffset OccurredBefore, IReadOnlyList<string> Consumers, int Limit) : StorageWrite;

/// <summary>
/// Forgets up to <paramref name="Limit"/> idempotency records created before <paramref name="CreatedBefore"/>: a retry
/// with such a key is then treated as a new request.
/// </summary>
public sealed record PruneIdempotency(DateTimeOffset CreatedBefore, int Limit) : StorageWrite;
