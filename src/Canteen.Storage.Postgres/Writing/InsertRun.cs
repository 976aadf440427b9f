using Canteen.Engine.Storage;
using Npgsql;

namespace Canteen.Storage.Postgres.Writing;

/// <summary>
/// Consecutive <see cref="InsertOrder"/> writes of a batch, turned into at most four set-based statements (orders,
/// holds, idempotency keys, outbox) however many orders the run holds: the group commit's cost grows with the
/// bytes sent, not with the number of statements. Only consecutive inserts are merged, so a later update of the
/// same order still runs after its insert, as the batch order says.
/// </summary>
internal sealed class InsertRun
{
    private readonly OrderColumns _orders = new();
    private readonly HoldColumns _holds = new();
    private readonly IdempotencyColumns _keys = new();
    private readonly OutboxColumns _events = new();

    public void Add(InsertOrder write)
    {
        var order = write.Order;
        _orders.Add(order);
        _holds.Add(order.Id, order.StoreId, write.Holds, order.PaymentDeadline);
        if (write.Idempotency is { } record)
        {
            _keys.Add(record);
        }

        _events.Add(write.Event);
    }

    public void AppendTo(NpgsqlBatch batch)
    {
        // Orders first: a duplicate id fails there, before anything else of the run is sent to the executor.
        batch.BatchCommands.Add(_orders.ToCommand());
        if (_holds.Count > 0)
        {
            batch.BatchCommands.Add(_holds.ToCommand());
        }

        if (_keys.Count > 0)
        {
            batch.BatchCommands.Add(_keys.ToCommand());
        }

        batch.BatchCommands.Add(_events.ToCommand());
    }
}
