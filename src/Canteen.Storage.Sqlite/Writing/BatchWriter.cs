using Canteen.Engine.Storage;
using Canteen.Storage.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace Canteen.Storage.Sqlite.Writing;

/// <summary>Applies the writes of one batch, in order, inside the transaction the caller opened.</summary>
internal sealed class BatchWriter : IDisposable
{
    private const string SavePoint = "save_payment";

    private readonly OrderStatements _orders;
    private readonly SideEffectStatements _effects;
    private readonly MaintenanceStatements _maintenance;
    private readonly PaymentStatements _payments;

    public BatchWriter(SqliteConnection connection, IdempotencyFilter filter)
    {
        _orders = new OrderStatements(connection);
        try
        {
            _effects = new SideEffectStatements(connection, filter);
            _maintenance = new MaintenanceStatements(connection);
            _payments = new PaymentStatements(connection);
        }
        catch
        {
            _orders.Dispose();
            _effects?.Dispose();
            _maintenance?.Dispose();
            throw;
        }
    }

    public WriteOutcome[] Apply(IReadOnlyList<StorageWrite> batch, SqliteTransaction transaction)
    {
        var outcomes = new WriteOutcome[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            outcomes[i] = batch[i] switch
            {
                InsertOrder insert => Insert(insert),
                UpdateOrder update => Update(update),
                SavePayment payment => Save(payment, transaction),
                SetStockTotal stock => SetStock(stock),
                ResetDailyStock reset => _maintenance.ResetDailyStock(reset),
                MarkOutboxSent sent => _maintenance.MarkSent(sent),
                RecordInbox inbox => _maintenance.RecordInbox(inbox),
                PruneEvents prune => _maintenance.PruneEvents(prune),
                PruneIdempotency prune => _maintenance.PruneIdempotency(prune),
                null => throw new ArgumentException($"Write {i} of the batch is null.", nameof(batch)),
                var other => throw new NotSupportedException($"Unknown storage write {other.GetType().Name}."),
            };
        }

        return outcomes;
    }

    public void Dispose()
    {
        _orders.Dispose();
        _effects.Dispose();
        _maintenance.Dispose();
        _payments.Dispose();
    }

    private WriteOutcome Insert(InsertOrder write)
    {
        var order = write.Order;
        _orders.Insert(order);
        foreach (var hold in write.Holds)
        {
            _effects.InsertHold(order.Id, order.StoreId, hold, order.PaymentDeadline);
        }

        if (write.Idempotency is { } record)
        {
            _effects.InsertIdempotency(record);
        }

        _effects.InsertOutbox(write.Event);
        return WriteOutcome.Committed;
    }

    private WriteOutcome Update(UpdateOrder write)
    {
        if (!_orders.TryUpdateStatus(write.Order, write.ExpectedVersion))
        {
            // The loser of a race writes nothing at all (no hold move, no event); the others in the batch still commit.
            return _orders.Exists(write.Order.Id) ? WriteOutcome.VersionConflict : WriteOutcome.NotFound;
        }

        if (write.HoldChange is { } state)
        {
            _effects.MoveHolds(write.Order.Id, state);
        }

        _effects.InsertOutbox(write.Event);
        return WriteOutcome.Committed;
    }

    private WriteOutcome Save(SavePayment write, SqliteTransaction transaction)
    {
        // All or nothing: the order change may pass its version check and the payment then fail its own, so the write
        // runs under a savepoint that undoes it alone; the batch's other writes are untouched. The order goes first,
        // so when both rows are stale the outcome is the order's, as in the PostgreSQL adapter.
        transaction.Save(SavePoint);
        var outcome = write.Order is { } order ? Update(order) : WriteOutcome.Committed;
        if (outcome == WriteOutcome.Committed)
        {
            outcome = WritePayment(write);
        }

        if (outcome == WriteOutcome.Committed && write.Idempotency is { } record)
        {
            _effects.InsertIdempotency(record);
        }

        if (outcome != WriteOutcome.Committed)
        {
            transaction.Rollback(SavePoint);
        }

        transaction.Release(SavePoint);
        return outcome;
    }

    /// <summary>Inserts a new payment (a duplicate id throws, failing the batch) or moves a stored one from its expected version.</summary>
    private WriteOutcome WritePayment(SavePayment write)
    {
        var payment = write.Payment;
        if (write.ExpectedVersion is not { } expected)
        {
            _payments.Insert(payment);
            return WriteOutcome.Committed;
        }

        return _payments.TryUpdate(payment, expected) ? WriteOutcome.Committed
            : _payments.Exists(payment.Id) ? WriteOutcome.VersionConflict
            : WriteOutcome.NotFound;
    }

    private WriteOutcome SetStock(SetStockTotal write)
    {
        _effects.SetStockTotal(write);
        return WriteOutcome.Committed;
    }
}
