using Canteen.Engine.Storage;
using Npgsql;

namespace Canteen.Storage.Postgres.Writing;

/// <summary>
/// A whole storage batch as one <see cref="NpgsqlBatch"/>, plus where each write's outcome will come from: fixed
/// (inserts and maintenance commit or the batch fails), the row an update (of an order or a payment) returns, or an
/// inbox insert's row count.
/// </summary>
internal sealed class BatchPlan : IAsyncDisposable
{
    private readonly NpgsqlBatch _batch = new();
    private readonly Source[] _sources;

    private BatchPlan(int count) => _sources = new Source[count];

    private enum Kind
    {
        Committed,
        UpdateRow,
        InboxRowCount,
    }

    public static BatchPlan Build(IReadOnlyList<StorageWrite> writes)
    {
        var plan = new BatchPlan(writes.Count);
        var commands = plan._batch.BatchCommands;
        InsertRun? run = null;
        for (var i = 0; i < writes.Count; i++)
        {
            if (writes[i] is InsertOrder insert)
            {
                (run ??= new InsertRun()).Add(insert);
                continue;
            }

            run?.AppendTo(plan._batch);
            run = null;
            switch (writes[i])
            {
                case UpdateOrder update:
                    commands.Add(WriteCommands.UpdateOrder(update));
                    plan._sources[i] = new Source(Kind.UpdateRow, null);
                    break;
                case SavePayment payment:
                    commands.Add(SavePaymentCommand.Create(payment));
                    plan._sources[i] = new Source(Kind.UpdateRow, null);
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
                case RecordInbox inbox:
                    var recorded = WriteCommands.RecordInbox(inbox);
                    commands.Add(recorded);
                    plan._sources[i] = new Source(Kind.InboxRowCount, recorded);
                    break;
                case null:
                    throw new ArgumentException($"Write {i} of the batch is null.", nameof(writes));
                default:
                    throw new NotSupportedException($"Unknown storage write {writes[i].GetType().Name}.");
            }
        }

        run?.AppendTo(plan._batch);
        return plan;
    }

    /// <summary>
    /// Sends every statement in one round trip. Without an explicit BEGIN, PostgreSQL runs everything up to the
    /// batch's single Sync as one implicit transaction: it commits at the Sync if every statement succeeded, and a
    /// failing statement aborts the rest and rolls all of it back; no separate BEGIN or COMMIT trip is needed.
    /// </summary>
    public async Task<WriteOutcome[]> ExecuteAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var outcomes = new WriteOutcome[_sources.Length];
        _batch.Connection = connection;
        await using (var reader = await _batch.ExecuteReaderAsync(cancellationToken))
        {
            // Npgsql skips statements that return no rows, so the result sets are exactly the updates', in order.
            var first = true;
            for (var i = 0; i < _sources.Length; i++)
            {
                if (_sources[i].Kind != Kind.UpdateRow)
                {
                    continue;
                }

                if ((!first && !await reader.NextResultAsync(cancellationToken)) || !await reader.ReadAsync(cancellationToken))
                {
                    throw new InvalidOperationException($"The update of write {i} returned no outcome row.");
                }

                first = false;
                outcomes[i] = reader.GetBoolean(0) ? WriteOutcome.Committed
                    : reader.GetBoolean(1) ? WriteOutcome.VersionConflict
                    : WriteOutcome.NotFound;
            }

            // Read to the end: a statement after the last update may still fail, and the commit itself is only
            // known once the server answers the Sync; outcomes are never reported for a batch that did not commit.
            while (await reader.NextResultAsync(cancellationToken))
            {
            }
        }

        for (var i = 0; i < _sources.Length; i++)
        {
            if (_sources[i].Kind == Kind.InboxRowCount)
            {
                outcomes[i] = _sources[i].Command!.RecordsAffected == 1 ? WriteOutcome.Committed : WriteOutcome.Duplicate;
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

    private readonly record struct Source(Kind Kind, NpgsqlBatchCommand? Command);
}
