using System.Collections.Immutable;
using Canteen.Core.Ordering;
using Canteen.Engine.Idempotency;
using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;

namespace Canteen.Engine.Tests.Support;

/// <summary>A persisted hold as the in-memory store keeps it.</summary>
internal sealed record StoredHold(IReadOnlyList<HoldLine> Lines, HoldState State);

/// <summary>
/// An in-memory system of record that really applies writes: a batch is all-or-nothing (it is applied to an
/// immutable copy that replaces the state only when every write went through), updates check versions, and
/// inserts refuse duplicate ids and idempotency keys like primary keys would. Tests can block commits at a gate
/// (so the writer's queue fills up), make commits fail, and read back every batch that arrived.
/// </summary>
internal sealed class InMemoryOrderStore : IOrderStore, IIdempotencyStore
{
    private readonly Lock _lock = new();
    private readonly List<IReadOnlyList<StorageWrite>> _batches = [];
    private volatile State _state = State.Empty;
    private readonly CommitGate _commits = new();
    private Predicate<StorageWrite>? _failWhen;
    private volatile bool _failIdempotencyReads;

    /// <summary>Every batch <see cref="CommitAsync"/> received, in arrival order, including the ones that failed.</summary>
    public IReadOnlyList<IReadOnlyList<StorageWrite>> Batches
    {
        get
        {
            lock (_lock)
            {
                return [.. _batches];
            }
        }
    }

    public int OrderCount => _state.Orders.Count;

    public IReadOnlyList<OutboxEvent> Events => _state.Events;

    /// <summary>Completes once a commit is waiting at the gate set by <see cref="Block"/>.</summary>
    public Task BlockedCommit => _commits.BlockedCommit;

    public bool FailIdempotencyReads
    {
        get => _failIdempotencyReads;
        set => _failIdempotencyReads = value;
    }

    /// <summary>From now on every commit waits at a gate until <see cref="Unblock"/>.</summary>
    public void Block() => _commits.Block();

    public void Unblock() => _commits.Unblock();

    /// <summary>Every batch holding a write for <paramref name="orderId"/> throws <see cref="IOException"/>.</summary>
    public void FailCommitsContaining(long orderId) => FailWhen(w => OrderIdOf(w) == orderId);

    public void FailAllCommits() => FailWhen(_ => true);

    public void StopFailing() => FailWhen(null);

    public void Seed(OrderSnapshot order, IReadOnlyList<HoldLine>? holds = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (_lock)
        {
            var state = _state with { Orders = _state.Orders.Add(order.Id, order) };
            if (holds is { Count: > 0 })
            {
                state = state with { Holds = state.Holds.Add(order.Id, new StoredHold(holds, HoldState.Held)) };
            }

            _state = state;
        }
    }

    public void SeedIdempotency(IdempotencyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_lock)
        {
            _state = _state with { Idempotency = _state.Idempotency.Add((record.Scope, record.Key), record) };
        }
    }

    public OrderSnapshot? Snapshot(long orderId) => _state.Orders.GetValueOrDefault(orderId);

    public StoredHold? HoldOf(long orderId) => _state.Holds.GetValueOrDefault(orderId);

    public int? TotalOf(string storeId, string dishId) =>
        _state.Totals.TryGetValue((storeId, dishId), out var total) ? total : null;

    public Task<Order?> FindAsync(long orderId, CancellationToken cancellationToken) =>
        Task.FromResult(_state.Orders.TryGetValue(orderId, out var snapshot) ? Order.Restore(snapshot) : null);

    public Task<OrderPage> ListAsync(string storeId, OrderStatus? status, int limit, long? before, CancellationToken cancellationToken)
    {
        var items = _state.Orders.Values
            .Where(o => o.StoreId == storeId && (status is null || o.Status == status) && (before is null || o.Id < before))
            .OrderByDescending(o => o.Id)
            .Take(limit + 1)
            .Select(Order.Restore)
            .ToList();
        var next = items.Count > limit ? items[limit - 1].Id : (long?)null;
        return Task.FromResult(new OrderPage([.. items.Take(limit)], next));
    }

    public Task<int> LastPickupSequenceAsync(string storeId, DateOnly businessDay, CancellationToken cancellationToken) =>
        Task.FromResult(_state.Orders.Values
            .Where(o => o.StoreId == storeId && o.Pickup.BusinessDay == businessDay)
            .Select(o => o.Pickup.Sequence)
            .DefaultIfEmpty(0)
            .Max());

    public Task<IReadOnlyList<long>> FindExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<long> ids = _state.Orders.Values
            .Where(o => OrderTransitions.HoldsStock(o.Status) && o.PaymentDeadline <= now)
            .OrderBy(o => o.PaymentDeadline)
            .ThenBy(o => o.Id)
            .Take(limit)
            .Select(o => o.Id)
            .ToList();
        return Task.FromResult(ids);
    }

    public async Task<IReadOnlyList<WriteOutcome>> CommitAsync(IReadOnlyList<StorageWrite> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_lock)
        {
            _batches.Add([.. batch]);
        }

        await _commits.PassAsync();

        lock (_lock)
        {
            if (_failWhen is { } fail && batch.Any(w => fail(w)))
            {
                throw new IOException("Simulated storage failure.");
            }

            var state = _state;
            var outcomes = new List<WriteOutcome>(batch.Count);
            foreach (var write in batch)
            {
                outcomes.Add(Apply(ref state, write));
            }

            _state = state;
            return outcomes;
        }
    }

    public Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken)
    {
        if (_failIdempotencyReads)
        {
            throw new IOException("Simulated idempotency read failure.");
        }

        return Task.FromResult(_state.Idempotency.GetValueOrDefault((scope, key)));
    }

    public Task<bool> AnyCreatedBeforeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken) =>
        Task.FromResult(_state.Idempotency.Values.Any(r => r.CreatedAt < createdBefore));

    private static WriteOutcome Apply(ref State state, StorageWrite write)
    {
        switch (write)
        {
            case InsertOrder insert:
                var id = insert.Order.Id;
                if (state.Orders.ContainsKey(id))
                {
                    throw new InvalidOperationException($"Duplicate order id {id}.");
                }

                state = state with
                {
                    Orders = state.Orders.Add(id, insert.Order),
                    Events = state.Events.Add(insert.Event),
                };
                if (insert.Holds.Count > 0)
                {
                    state = state with { Holds = state.Holds.Add(id, new StoredHold([.. insert.Holds], HoldState.Held)) };
                }

                if (insert.Idempotency is { } record)
                {
                    // Add throws on a duplicate key, like the table's primary key would.
                    state = state with { Idempotency = state.Idempotency.Add((record.Scope, record.Key), record) };
                }

                return WriteOutcome.Committed;

            case UpdateOrder update:
                if (!state.Orders.TryGetValue(update.Order.Id, out var current))
                {
                    return WriteOutcome.NotFound;
                }

                if (current.Version != update.ExpectedVersion)
                {
                    return WriteOutcome.VersionConflict;
                }

                state = state with
                {
                    Orders = state.Orders.SetItem(update.Order.Id, update.Order),
                    Events = state.Events.Add(update.Event),
                };
                if (update.HoldChange is { } change
                    && state.Holds.TryGetValue(update.Order.Id, out var hold)
                    && hold.State == HoldState.Held)
                {
                    state = state with { Holds = state.Holds.SetItem(update.Order.Id, hold with { State = change }) };
                }

                return WriteOutcome.Committed;

            case SetStockTotal total:
                state = state with { Totals = state.Totals.SetItem((total.StoreId, total.DishId), total.Total) };
                return WriteOutcome.Committed;

            case PruneIdempotency prune:
                var old = state.Idempotency.Where(e => e.Value.CreatedAt < prune.CreatedBefore)
                    .OrderBy(e => e.Value.CreatedAt).Take(prune.Limit).Select(e => e.Key);
                state = state with { Idempotency = state.Idempotency.RemoveRange(old) };
                return WriteOutcome.Committed;

            default:
                throw new NotSupportedException($"Unknown write {write.GetType().Name}.");
        }
    }

    private static long? OrderIdOf(StorageWrite write) => write switch
    {
        InsertOrder insert => insert.Order.Id,
        UpdateOrder update => update.Order.Id,
        _ => null,
    };


    private void FailWhen(Predicate<StorageWrite>? predicate)
    {
        lock (_lock)
        {
            _failWhen = predicate;
        }
    }

    private sealed record State(
        ImmutableDictionary<long, OrderSnapshot> Orders,
        ImmutableDictionary<long, StoredHold> Holds,
        ImmutableDictionary<(string Scope, string Key), IdempotencyRecord> Idempotency,
        ImmutableDictionary<(string StoreId, string DishId), int> Totals,
        ImmutableList<OutboxEvent> Events)
    {
        public static State Empty { get; } = new(
            ImmutableDictionary<long, OrderSnapshot>.Empty,
            ImmutableDictionary<long, StoredHold>.Empty,
            ImmutableDictionary<(string Scope, string Key), IdempotencyRecord>.Empty,
            ImmutableDictionary<(string StoreId, string DishId), int>.Empty,
            ImmutableList<OutboxEvent>.Empty);
    }
}
