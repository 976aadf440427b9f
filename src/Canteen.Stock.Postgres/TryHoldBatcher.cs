using System.Threading.Channels;
using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;
using Npgsql;

namespace Canteen.Stock.Postgres;

/// <summary>
/// Coalesces concurrent Try requests ("batched per dish per commit", DESIGN §4). One loop takes whatever is queued
/// and decides it in one transaction: lock the counter rows involved (in dish order), decide every request in memory
/// (<see cref="BatchAllocation"/>), then one conditional UPDATE row per dish and one INSERT for all hold rows. A hot
/// dish's row is locked once per commit, not once per order, and while a batch commits the next one queues up.
/// </summary>
internal sealed class TryHoldBatcher : IAsyncDisposable
{
    private const int Attempts = 5;

    /// <summary>
    /// One statement for the whole batch's writes: one conditional UPDATE row per dish, one INSERT for all hold rows.
    /// The rows are locked, so every dish moves; but an order may have gained a row since the read (a Cancel's
    /// barrier), and then its INSERT does nothing. The last line divides by zero (SQLSTATE 22012) if any count is
    /// short, which fails the statement, so the COMMIT sent behind it in the same round trip never commits.
    /// </summary>
    private static readonly string WriteSql = $"""
        WITH moved AS (
            UPDATE stock_authority_counters c SET available = c.available - d.q, reserved = c.reserved + d.q
            FROM unnest($1::text[], $2::text[], $3::integer[]) AS d(store_id, dish_id, q)
            WHERE c.store_id = d.store_id AND c.dish_id = d.dish_id AND c.available >= d.q
            RETURNING 1),
        ins AS ({HoldInsert.SqlFrom(5)} RETURNING 1)
        SELECT 1 / ((SELECT count(*) FROM moved) = $4 AND (SELECT count(*) FROM ins) = $5)::integer
        """;

    private readonly NpgsqlDataSource _source;
    private readonly int _maxBatch;
    private readonly Channel<PendingTry> _queue = Channel.CreateUnbounded<PendingTry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public TryHoldBatcher(NpgsqlDataSource source, int maxBatch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatch);
        _source = source;
        _maxBatch = maxBatch;
        _loop = Task.Run(RunAsync);
    }

    public Task<HoldResult> TryHoldAsync(HoldRequest request, HoldLine[] lines)
    {
        var pending = new PendingTry(request, lines);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(PostgresStockAuthority));
        }

        return pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingTry>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                var results = await TransientRetry.RunAsync(() => DecideAsync(batch));
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(results[i]);
                }
            }
#pragma warning disable CA1031 // The loop must survive any failure: it is reported to the batch's callers instead.
            catch (Exception e)
#pragma warning restore CA1031
            {
                batch.ForEach(p => p.Completion.TrySetException(e));
            }

            batch.Clear();
        }
    }

    private async Task<HoldResult[]> DecideAsync(List<PendingTry> batch)
    {
        // Raw BEGIN and COMMIT, so that each travels in the same round trip as the statements next to it: a batch
        // costs two round trips (read and lock; write and commit), and the rows stay locked for no longer.
        await using var connection = await _source.OpenConnectionAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (existing, available) = await BatchRead.ReadAndLockAsync(connection, batch);
                var allocation = new BatchAllocation(batch, existing, available);
                await using var write = new NpgsqlBatch(connection);
                if (allocation.NewHolds.Count > 0)
                {
                    write.BatchCommands.Add(WriteCommand(allocation));
                }

                write.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
                await write.ExecuteNonQueryAsync();
                return allocation.Results;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DivisionByZero && attempt < Attempts)
            {
                // Decide again: the read now sees the row that made an INSERT do nothing.
                await RollbackAsync(connection);
            }
            catch
            {
                await TryRollbackAsync(connection);
                throw;
            }
        }
    }

    private static NpgsqlBatchCommand WriteCommand(BatchAllocation allocation)
    {
        var command = new NpgsqlBatchCommand(WriteSql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. allocation.Deltas.Keys.Select(k => k.StoreId)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. allocation.Deltas.Keys.Select(k => k.DishId)] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. allocation.Deltas.Values] });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = allocation.Deltas.Count });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = allocation.NewHolds.Count });
        HoldInsert.AddParameters(command.Parameters, allocation.NewHolds);
        return command;
    }

    private static async Task RollbackAsync(NpgsqlConnection connection)
    {
        await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
        await rollback.ExecuteNonQueryAsync();
    }

    /// <summary>After an unexpected failure: end the transaction if the connection still works; the failure is what counts.</summary>
    private static async Task TryRollbackAsync(NpgsqlConnection connection)
    {
        try
        {
            await RollbackAsync(connection);
        }
        catch (NpgsqlException)
        {
            // A broken connection is not returned to the pool; its transaction died with it.
        }
    }
}
