using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;
using Npgsql;

namespace Canteen.Stock.Postgres;

/// <summary>
/// An unbatched Try: one autocommit statement, so the hot dish's row lock is held only while the statement runs and
/// commits, never across a round trip to the client.
/// </summary>
internal static class SingleTry
{
    /// <summary>Under constant churn a Try could keep failing for dishes that are no longer short; then give up.</summary>
    private const int Attempts = 16;

    /// <summary>
    /// The hold row is inserted first (ON CONFLICT DO NOTHING, so a retried Try or a Cancel's barrier inserts
    /// nothing), and the counters move only if it was inserted and only where enough is available
    /// (<c>available &gt;= q</c>, re-checked by PostgreSQL on the newest row version after waiting for its lock).
    /// All or nothing: if the row went in but some dish was short, the last line divides by zero (SQLSTATE 22012),
    /// which fails the statement and so rolls back everything it did.
    /// </summary>
    private const string TrySql = """
        WITH req AS (SELECT * FROM unnest($3::text[], $4::integer[]) AS r(dish_id, q)),
        lim AS (
            SELECT r.dish_id, r.q FROM stock_authority_counters c JOIN req r ON c.dish_id = r.dish_id
            WHERE c.store_id = $2),
        ins AS (
            INSERT INTO stock_authority_holds (order_id, store_id, state, dish_ids, quantities, deadline)
            SELECT $1, $2, 'held', array_agg(dish_id ORDER BY dish_id), array_agg(q ORDER BY dish_id), $5
            FROM lim HAVING count(*) > 0
            ON CONFLICT (order_id) DO NOTHING
            RETURNING order_id),
        upd AS (
            UPDATE stock_authority_counters c SET available = c.available - lim.q, reserved = c.reserved + lim.q
            FROM lim
            WHERE c.store_id = $2 AND c.dish_id = lim.dish_id AND c.available >= lim.q AND EXISTS (SELECT 1 FROM ins)
            RETURNING c.dish_id),
        outcome AS (
            SELECT (SELECT count(*) FROM ins)::integer AS inserted, (SELECT count(*) FROM upd)::integer AS updated,
                   ARRAY(SELECT dish_id FROM lim ORDER BY dish_id) AS limited, ARRAY(SELECT q FROM lim ORDER BY dish_id) AS q)
        SELECT inserted, limited, q, 1 / (inserted = 0 OR updated = cardinality(limited))::integer FROM outcome
        """;

    /// <summary>The order's limited dishes now, and whether each is short, to name them after a failed Try.</summary>
    private const string ShortSql = """
        SELECT c.dish_id, c.available < r.q FROM stock_authority_counters c
        JOIN unnest($2::text[], $3::integer[]) AS r(dish_id, q) ON c.dish_id = r.dish_id
        WHERE c.store_id = $1
        """;

    public static async Task<HoldResult> RunAsync(NpgsqlDataSource source, HoldRequest request, HoldLine[] lines)
    {
        // One connection for the whole Try, follow-up reads included: taking a second one while holding the first
        // could starve the pool under load.
        await using var connection = await source.OpenConnectionAsync();
        for (var attempt = 1; ; attempt++)
        {
            string[] limited;
            int[] quantities;
            try
            {
                await using var command = new NpgsqlCommand(TrySql, connection);
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = request.OrderId });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.StoreId });
                command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. lines.Select(l => l.DishId)] });
                command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. lines.Select(l => l.Quantity)] });
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = request.Deadline.ToUniversalTime() });
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                (limited, quantities) = (reader.GetFieldValue<string[]>(1), reader.GetFieldValue<int[]>(2));
                if (reader.GetInt32(0) == 1)
                {
                    return HoldResult.Success(HoldRows.Lines(limited, quantities));
                }
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DivisionByZero)
            {
                var (soldOut, limitedNow) = await ShortDishesAsync(connection, request, lines);
                if (soldOut.Count > 0 || attempt == Attempts)
                {
                    // After too many rounds, name every limited dish of the order: conservative, and nothing is held.
                    return HoldResult.SoldOut(soldOut.Count > 0 ? soldOut : limitedNow);
                }

                continue; // the portions came back in the meantime: try again
            }

            // Nothing inserted: nothing is limited, or the order already has a row (a retried Try, a Cancel's barrier).
            if (await HoldRows.FindAsync(connection, request.OrderId) is { } existing)
            {
                return existing;
            }

            if (limited.Length == 0)
            {
                return HoldResult.Success([]);
            }

            // The row vanished between the INSERT and the read (a daily reset forgot it): try afresh.
        }
    }

    private static async Task<(List<string> Short, List<string> Limited)> ShortDishesAsync(NpgsqlConnection connection, HoldRequest request, HoldLine[] lines)
    {
        await using var command = new NpgsqlCommand(ShortSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.StoreId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. lines.Select(l => l.DishId)] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. lines.Select(l => l.Quantity)] });
        var (dishes, limited) = (new List<string>(), new List<string>());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            limited.Add(reader.GetString(0));
            if (reader.GetBoolean(1))
            {
                dishes.Add(reader.GetString(0));
            }
        }

        dishes.Sort(StringComparer.Ordinal);
        limited.Sort(StringComparer.Ordinal);
        return (dishes, limited);
    }
}
