using Canteen.Engine.Storage;
using Npgsql;

namespace Canteen.Storage.Postgres.Writing;

/// <summary>
/// A whole storage batch as one <see cref="NpgsqlBatch"/>, plus where each write's outcome will come from: fixed
/// (inserts and maintenance commit or the batch fails), the row an update (of an order or a payment) returns, or the
/// rows an inbox run's insert returns. Result sets are read in statement order.
/// </summary>
internal sealed class BatchPlan : IAsyncDisposable
{
    private readonly NpgsqlBatch _batch = new();
    private readonly int _count;
    private readonly List<ResultSet> _results = [];

    private BatchPlan(int count) => _count = count;

    public static BatchPlan Build(IReadOnlyList<StorageWrite> writes)
    {
        var plan = new BatchPlan(writes.Count);
        var commands = plan._batch.BatchCommands;
        InsertRun? inserts = null;
        InboxRun? inbox = null;
        for (var i = 0; i < writes.Count; i++)
        {
            // Only consecutive writes of one kind are merged, so the statements keep the batch's order.
            if (writes[i] is not InsertOrder && inserts is not null)
            {
                inserts.AppendTo(plan._batch);
                inserts = null;
            }

            if (writes[i] is not RecordInbox && inbox is not null)
            {
                plan.AddInbox(inbox);
                inbox = null;
            }

            switch (writes[i])
            {
                case InsertOrder insert:
                    (inserts ??= new InsertRun()).Add(insert);
                    break;
                case RecordInbox record:
                    (inbox ??= new InboxRun()).Add(i, record);
                    break;
                case UpdateOrder update:
                    commands.Add(WriteCommands.UpdateOrder(update));
                    plan._results.Add(new ResultSet(i, null));
                    break;
                case SavePayment payment:
                    commands.Add(SavePaymentCommand.Create(payment));
                    plan._results.Add(new ResultSet(i, null));
                    break;
                case SetStockTotal stock:
                    commands.Add(WriteCommands.SetStockTotal(stock));
                    break;
                case ResetDailyStock reset:
                    AddAll(commands, WriteCommands.ResetDailyStock(reset));
                    break;
                case MarkOutboxSent sent:
                    commands.Add(WriteCommands.MarkOutboxSent(sent));
                    break;
                case PruneIdempotency prune:
                    commands.Add(WriteCommands.PruneIdempotency(prune));
                    break;
                case PruneEvents prune:
                    AddAll(commands, WriteCommands.PruneEvents(prune));
                    break;
                case null:
                    throw new ArgumentException($"Write {i} of the batch is null.", nameof(writes));
                default:
                    throw new NotSupportedException($"Unknown storage write {writes[i].GetType().Name}.");
            }
        }

        inserts?.AppendTo(plan._batch);
        if (inbox is not null)
        {
            plan.AddInbox(inbox);
        }

        return plan;
    }

    /// <summary>
    /// Sends every statement in one round trip. Without an explicit BEGIN, PostgreSQL runs everything up to the
    /// batch's single Sync as one implicit transaction: it commits at the Sync if every statement succeeded, and a
    /// failing statement aborts the rest and rolls all of it back; no separate BEGIN or COMMIT trip is needed.
    /// </summary>
    public async Task<WriteOutcome[]> ExecuteAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var outcomes = new WriteOutcome[_count];
        _batch.Connection = connection;
        await using (var reader = await _batch.ExecuteReaderAsync(cancellationToken))
        {
            // Npgsql skips statements that return no rows at all, so the result sets are exactly the updates' and the
            // inbox runs', in order (an inbox insert that inserted nothing still has its, empty, result set).
            for (var r = 0; r < _results.Count; r++)
            {
                if (r > 0 && !await reader.NextResultAsync(cancellationToken))
                {
                    throw new InvalidOperationException($"Result set {r} of the batch is missing.");
                }

                if (_results[r].Inbox is { } inbox)
                {
                    await inbox.ResolveAsync(reader, outcomes, cancellationToken);
                    continue;
                }

                var i = _results[r].WriteIndex;
                if (!await reader.ReadAsync(cancellationToken))
                {
                    throw new InvalidOperationException($"The update of write {i} returned no outcome row.");
                }

                outcomes[i] = reader.GetBoolean(0) ? WriteOutcome.Committed
                    : reader.GetBoolean(1) ? WriteOutcome.VersionConflict
                    : WriteOutcome.NotFound;
            }

            // Read to the end: a statement after the last result set may still fail, and the commit itself is only
            // known once the server answers the Sync; outcomes are never reported for a batch that did not commit.
            while (await reader.NextResultAsync(cancellationToken))
            {
            }
        }

        return outcomes;
    }

    public ValueTask DisposeAsync() => _batch.DisposeAsync();

    // The command collection has no AddRange; a write of several statements adds them in order.
    private static void AddAll(NpgsqlBatchCommandCollection commands, IEnumerable<NpgsqlBatchCommand> statements)
    {
        foreach (var statement in statements)
        {
            commands.Add(statement);
        }
    }

    private void AddInbox(InboxRun inbox)
    {
        _batch.BatchCommands.Add(inbox.ToCommand());
        _results.Add(new ResultSet(-1, inbox));
    }

    /// <summary>One result set of the batch: an update's outcome row (for write <see cref="WriteIndex"/>) or an inbox run's rows.</summary>
    private readonly record struct ResultSet(int WriteIndex, InboxRun? Inbox);
}
