using Npgsql;

namespace Canteen.Stock.Postgres;

/// <summary>Return (a refund before cooking): a confirmed hold's portions go from sold back to available.</summary>
public sealed partial class PostgresStockAuthority
{
    /// <summary>
    /// Locks the counter rows of the confirmed hold's dishes in (store, dish) order, before the hold row. That is the
    /// order the daily reset takes (counters, then the DELETE of confirmed holds) and the batched Try takes (counters,
    /// then the hold insert); locking the hold row first, as Confirm does, would deadlock with a concurrent reset of
    /// the store. A hold that is not confirmed locks nothing. Plain read of the hold: its store and lines never change.
    /// </summary>
    private const string LockReturnSql = """
        SELECT 1 FROM stock_authority_counters c
        JOIN stock_authority_holds h ON c.store_id = h.store_id AND c.dish_id = ANY (h.dish_ids)
        WHERE h.order_id = $1 AND h.state = 'confirmed'
        ORDER BY c.store_id, c.dish_id
        FOR UPDATE OF c
        """;

    /// <summary>
    /// The hold row moves confirmed → released and its lines move sold → available in one statement. The UPDATE of
    /// the hold row takes its lock and re-checks <c>state = 'confirmed'</c> on the newest version, so of two Returns
    /// racing on one order exactly one matches; a hold the daily reset deleted matches nothing. The row stays as a
    /// released hold, like a cancelled one: a retried Try of the order is barred, and the reset purges it later.
    /// </summary>
    private const string ReturnSql = """
        WITH h AS (
            UPDATE stock_authority_holds SET state = 'released', updated_at = now()
            WHERE order_id = $1 AND state = 'confirmed'
            RETURNING store_id, dish_ids, quantities),
        moved AS (
            UPDATE stock_authority_counters c SET available = c.available + l.q, sold = c.sold - l.q
            FROM h, unnest(h.dish_ids, h.quantities) AS l(dish_id, q)
            WHERE c.store_id = h.store_id AND c.dish_id = l.dish_id
            RETURNING 1)
        SELECT (SELECT count(*) FROM h)::integer, (SELECT count(*) FROM moved)::integer
        """;

    /// <summary>
    /// One batch, so one round trip and one implicit transaction: the counter locks are held until the move commits.
    /// Each statement reads a fresh snapshot (READ COMMITTED), so the move sees whatever committed while the lock
    /// waited: a Return or reset that got there first leaves nothing to match.
    /// </summary>
    public async ValueTask<bool> ReturnAsync(long orderId, CancellationToken cancellationToken) =>
        await TransientRetry.RunAsync(async () =>
        {
            await using var batch = _source.CreateBatch();
            var lockRows = new NpgsqlBatchCommand(LockReturnSql);
            lockRows.Parameters.Add(new NpgsqlParameter<long> { TypedValue = orderId });
            var move = new NpgsqlBatchCommand(ReturnSql);
            move.Parameters.Add(new NpgsqlParameter<long> { TypedValue = orderId });
            batch.BatchCommands.Add(lockRows);
            batch.BatchCommands.Add(move);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return reader.GetInt32(0) == 1;
        });
}
