using Npgsql;

namespace Canteen.Stock.Postgres;

/// <summary>Confirm and Cancel, each atomic: one statement, or one transaction.</summary>
public sealed partial class PostgresStockAuthority
{
    /// <summary>
    /// The hold row moves held → confirmed and its lines move reserved → sold in one statement. The UPDATE of the
    /// hold row takes its lock and re-checks <c>state = 'held'</c> on the newest version, so of a Confirm and a
    /// Cancel racing on one order exactly one matches.
    /// </summary>
    private const string ConfirmSql = """
        WITH h AS (
            UPDATE stock_authority_holds SET state = 'confirmed', updated_at = now()
            WHERE order_id = $1 AND state = 'held'
            RETURNING store_id, dish_ids, quantities),
        moved AS (
            UPDATE stock_authority_counters c SET reserved = c.reserved - l.q, sold = c.sold + l.q
            FROM h, unnest(h.dish_ids, h.quantities) AS l(dish_id, q)
            WHERE c.store_id = h.store_id AND c.dish_id = l.dish_id
            RETURNING 1)
        SELECT (SELECT count(*) FROM h)::integer, (SELECT count(*) FROM moved)::integer
        """;

    /// <summary>
    /// Either inserts the barrier (no row yet: the Try has not run, and its INSERT will now conflict) or moves a held
    /// row to released and returns its lines. A confirmed or released row is left alone (the DO UPDATE's WHERE), so a
    /// second Cancel or a Cancel after Confirm changes nothing.
    /// </summary>
    private const string ReleaseHoldSql = """
        INSERT INTO stock_authority_holds AS t (order_id, store_id, state, dish_ids, quantities, deadline)
        VALUES ($1, NULL, 'released', '{}', '{}', NULL)
        ON CONFLICT (order_id) DO UPDATE SET state = 'released', updated_at = now() WHERE t.state = 'held'
        RETURNING t.store_id, t.dish_ids, t.quantities
        """;

    private const string ReturnPortionsSql = """
        UPDATE stock_authority_counters c SET available = c.available + l.q, reserved = c.reserved - l.q
        FROM unnest($2::text[], $3::integer[]) AS l(dish_id, q)
        WHERE c.store_id = $1 AND c.dish_id = l.dish_id
        """;

    public async ValueTask<bool> ConfirmAsync(long orderId, CancellationToken cancellationToken)
    {
        var confirmedNow = await TransientRetry.RunAsync(async () =>
        {
            await using var command = _source.CreateCommand(ConfirmSql);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = orderId });
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return reader.GetInt32(0) == 1;
        });
        if (confirmedNow)
        {
            return true;
        }

        // Not moved by this call: already confirmed (true, idempotent), cancelled or unknown (false). A fresh
        // statement, so it sees a racing Confirm that committed while this one waited for the row lock.
        var existing = await HoldStateAsync(orderId);
        return existing == HoldRows.Confirmed;
    }

    /// <summary>
    /// Two statements in one transaction, deliberately not one: ON CONFLICT DO UPDATE may update a hold row that a
    /// concurrent Try committed after this statement's snapshot, and within that same statement the counters would be
    /// read from the older snapshot. The values would be corrected by the re-check of the updated row, but PostgreSQL
    /// checks the CHECK constraints on the stale row first, so <c>reserved - q</c> fails spuriously. The second
    /// statement takes a fresh snapshot, which already contains the Try's reservation.
    /// </summary>
    public async ValueTask CancelAsync(long orderId, CancellationToken cancellationToken) =>
        await TransientRetry.RunAsync(async () =>
        {
            await using var connection = await _source.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            string? storeId = null;
            string[] dishIds = [];
            int[] quantities = [];
            await using (var release = new NpgsqlCommand(ReleaseHoldSql, connection, transaction))
            {
                release.Parameters.Add(new NpgsqlParameter<long> { TypedValue = orderId });
                await using var reader = await release.ExecuteReaderAsync();
                if (await reader.ReadAsync() && !await reader.IsDBNullAsync(0))
                {
                    (storeId, dishIds, quantities) = (reader.GetString(0), reader.GetFieldValue<string[]>(1), reader.GetFieldValue<int[]>(2));
                }
            }

            if (storeId is not null && dishIds.Length > 0)
            {
                await using var give = new NpgsqlCommand(ReturnPortionsSql, connection, transaction);
                give.Parameters.Add(new NpgsqlParameter<string> { TypedValue = storeId });
                give.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = dishIds });
                give.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = quantities });
                await give.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            return dishIds.Length;
        });

    private async Task<string?> HoldStateAsync(long orderId)
    {
        await using var command = _source.CreateCommand("SELECT state FROM stock_authority_holds WHERE order_id = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = orderId });
        return await command.ExecuteScalarAsync() as string;
    }
}
