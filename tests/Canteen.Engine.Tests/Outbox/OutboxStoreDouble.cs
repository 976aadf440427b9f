using Canteen.Core.Ordering;
using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;
using Canteen.Engine.Tests.Support;

namespace Canteen.Engine.Tests.Outbox;

/// <summary>A test-only write that commits an outbox event on its own, as an order change would with its row.</summary>
internal sealed record AppendEvent(OutboxEvent Event) : StorageWrite;

/// <summary>
/// The outbox and inbox tables in memory, behind the real order writer: <see cref="MarkOutboxSent"/> and
/// <see cref="RecordInbox"/> behave like the SQLite statements (first mark wins; an inbox row already there is
/// <see cref="WriteOutcome.Duplicate"/>). A batch is all or nothing, and commits can be made to fail or to wait.
/// </summary>
internal sealed class OutboxStoreDouble : IOrderStore, IOutboxStore
{
    private readonly Lock _lock = new();
    private readonly List<OutboxEvent> _events = [];
    private readonly Dictionary<Guid, DateTimeOffset> _sent = [];
    private readonly HashSet<(string Consumer, Guid EventId)> _inbox = [];
    private Predicate<StorageWrite>? _failWhen;
    private readonly CommitGate _commits = new();

    public IReadOnlyList<Guid> UnsentIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _events.Where(e => !_sent.ContainsKey(e.Id)).Select(e => e.Id)];
            }
        }
    }

    /// <summary>Every event still stored, sent or not.</summary>
    public IReadOnlyList<Guid> StoredIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _events.Select(e => e.Id)];
            }
        }
    }

    /// <summary>Adds events as if an earlier run had committed them.</summary>
    public void Seed(params OutboxEvent[] events)
    {
        lock (_lock)
        {
            _events.AddRange(events);
        }
    }

    public DateTimeOffset? SentAt(Guid eventId)
    {
        lock (_lock)
        {
            return _sent.TryGetValue(eventId, out var at) ? at : null;
        }
    }

    public bool InInbox(string consumer, Guid eventId)
    {
        lock (_lock)
        {
            return _inbox.Contains((consumer, eventId));
        }
    }

    /// <summary>Every batch holding a write of type <typeparamref name="T"/> throws <see cref="IOException"/>.</summary>
    public void FailWritesOf<T>()
        where T : StorageWrite => SetFailure(w => w is T);

    public void StopFailing() => SetFailure(null);

    /// <summary>Completes once a commit is waiting at the gate set by <see cref="Block"/>.</summary>
    public Task BlockedCommit => _commits.BlockedCommit;

    /// <summary>From now on every commit waits until <see cref="Unblock"/>, so writes pile up in the writer's queue.</summary>
    public void Block() => _commits.Block();

    public void Unblock() => _commits.Unblock();

    /// <summary>The most inbox rows any one committed batch carried.</summary>
    public int MostInboxRowsInOneBatch { get; private set; }

    public Task<IReadOnlyList<OutboxEvent>> ReadUnsentAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<OutboxEvent> unsent = [.. _events.Where(e => !_sent.ContainsKey(e.Id)).OrderBy(e => e.OccurredAt).Take(limit)];
            return Task.FromResult(unsent);
        }
    }

    public Task<bool> AnySentBeforeAsync(DateTimeOffset occurredBefore, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_events.Any(e => e.OccurredAt < occurredBefore && _sent.ContainsKey(e.Id)));
        }
    }

    public async Task<IReadOnlyList<WriteOutcome>> CommitAsync(IReadOnlyList<StorageWrite> batch, CancellationToken cancellationToken)
    {
        await _commits.PassAsync();

        lock (_lock)
        {
            if (_failWhen is { } fail && batch.Any(w => fail(w)))
            {
                throw new IOException("Simulated storage failure.");
            }

            MostInboxRowsInOneBatch = Math.Max(MostInboxRowsInOneBatch, batch.Count(w => w is RecordInbox));
            return [.. batch.Select(Apply)];
        }
    }

    public Task<Order?> FindAsync(long orderId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<OrderPage> ListAsync(string storeId, OrderStatus? status, int limit, long? before, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<int> LastPickupSequenceAsync(string storeId, DateOnly businessDay, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<long>> FindExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    private WriteOutcome Apply(StorageWrite write)
    {
        switch (write)
        {
            case AppendEvent append:
                _events.Add(append.Event);
                return WriteOutcome.Committed;
            case MarkOutboxSent mark:
                foreach (var id in mark.EventIds)
                {
                    _sent.TryAdd(id, mark.SentAt);
                }

                return WriteOutcome.Committed;
            case RecordInbox record:
                return _inbox.Add((record.Consumer, record.EventId)) ? WriteOutcome.Committed : WriteOutcome.Duplicate;
            case PruneEvents prune:
                // By occurrence time, which the real adapters read from the time-ordered ids; an event's inbox
                // records go with it.
                foreach (var old in _events.Where(e => e.OccurredAt < prune.OccurredBefore && _sent.ContainsKey(e.Id))
                    .OrderBy(e => e.OccurredAt).Take(prune.Limit).ToList())
                {
                    _events.Remove(old);
                    _sent.Remove(old.Id);
                    _inbox.RemoveWhere(r => r.EventId == old.Id && prune.Consumers.Contains(r.Consumer));
                }

                return WriteOutcome.Committed;
            default:
                throw new NotSupportedException($"Unexpected write {write.GetType().Name}.");
        }
    }

    private void SetFailure(Predicate<StorageWrite>? predicate)
    {
        lock (_lock)
        {
            _failWhen = predicate;
        }
    }
}
