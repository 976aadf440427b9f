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
