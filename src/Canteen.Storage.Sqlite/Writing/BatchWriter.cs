using Canteen.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace Canteen.Storage.Sqlite.Writing;

/// <summary>Applies the writes of one batch, in order, inside the transaction the caller opened.</summary>
internal sealed class BatchWriter : IDisposable
{
    private readonly OrderStatements _orders;
    private readonly SideEffectStatements _effects;
    private readonly MaintenanceStatements _maintenance;

    public BatchWriter(SqliteConnection connection)
    {
        _orders = new OrderStatements(connection);
        try
        {
            _effects = new SideEffectStatements(connection);
            _maintenance = new MaintenanceStatements(connection);
        }
        catch
        {
            _orders.Dispose();
            _effects?.Dispose();
            throw;
        }
    }

    public WriteOutcome[] Apply(IReadOnlyList<StorageWrite> batch, SqliteTransaction transaction)
    {
        _orders.Enlist(transaction);
        _effects.Enlist(transaction);
        _maintenance.Enlist(transaction);
        var outcomes = new WriteOutcome[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            outcomes[i] = batch[i] switch
            {
                InsertOrder insert => Insert(insert),
                UpdateOrder update => Update(update),
                SetStockTotal stock => SetStock(stock),
                ResetDailyStock reset => _maintenance.ResetDailyStock(reset),
                MarkOutboxSent sent => _maintenance.MarkSent(sent),
                RecordInbox inbox => _maintenance.RecordInbox(inbox),
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

    private WriteOutcome SetStock(SetStockTotal write)
    {
        _effects.SetStockTotal(write);
        return WriteOutcome.Committed;
    }
}
