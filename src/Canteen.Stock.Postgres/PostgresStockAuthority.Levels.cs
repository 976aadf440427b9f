using Canteen.Core.Inventory;
using Canteen.Engine.Inventory;
using Npgsql;

namespace Canteen.Stock.Postgres;

/// <summary>Levels, staff total changes and the daily reset.</summary>
public sealed partial class PostgresStockAuthority
{
    /// <summary>Only <c>available</c> changes, and only if the new total still covers what is reserved and sold.</summary>
    private const string SetTotalSql = """
        UPDATE stock_authority_counters SET available = $3 - reserved - sold
        WHERE store_id = $1 AND dish_id = $2 AND $3 >= reserved + sold
        RETURNING available, reserved, sold
        """;

    /// <summary>
    /// Sold goes to 0 and held portions stay reserved, so the total is the daily portions or, if more, what is still
    /// reserved. Confirmed holds of the store are forgotten; barriers older than their lifetime are purged.
    /// </summary>
    private const string ResetCountersSql = """
        UPDATE stock_authority_counters c SET available = GREATEST(d.portions, c.reserved) - c.reserved, sold = 0
        FROM unnest($2::text[], $3::integer[]) AS d(dish_id, portions)
        WHERE c.store_id = $1 AND c.dish_id = d.dish_id
        """;

    private const string ForgetConfirmedSql = "DELETE FROM stock_authority_holds WHERE store_id = $1 AND state = 'confirmed'";

    private const string PurgeBarriersSql = "DELETE FROM stock_authority_holds WHERE state = 'released' AND updated_at < now() - $1";

    public async ValueTask<IReadOnlyList<StockLevel>> GetLevelsAsync(string storeId, CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand(
            "SELECT dish_id, available, reserved, sold FROM stock_authority_counters WHERE store_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = storeId });
        var levels = new List<StockLevel>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            levels.Add(new StockLevel(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        }

        levels.Sort(static (a, b) => string.CompareOrdinal(a.DishId, b.DishId));
        return levels;
    }

    public async ValueTask<StockLevel?> GetLevelAsync(string storeId, string dishId, CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand(
            "SELECT available, reserved, sold FROM stock_authority_counters WHERE store_id = $1 AND dish_id = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = storeId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = dishId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StockLevel(dishId, reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2))
            : null;
    }

    public async ValueTask<SetTotalResult> SetTotalAsync(string storeId, string dishId, int total, CancellationToken cancellationToken)
    {
        await using (var command = _source.CreateCommand(SetTotalSql))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = storeId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = dishId });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = total });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                return new SetTotalResult(true, new StockLevel(dishId, reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)), NotLimited: false);
            }
        }

        // Refused or not limited: report the level as it is now, like the in-process ledger.
        return await GetLevelAsync(storeId, dishId, cancellationToken) is { } level
            ? new SetTotalResult(false, level, NotLimited: false)
            : new SetTotalResult(false, default, NotLimited: true);
    }

    public async ValueTask ResetDayAsync(string storeId, IReadOnlyDictionary<string, int> dailyPortions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dailyPortions);
        await TransientRetry.RunAsync(async () =>
        {
            // One batch runs as one implicit transaction: a half-reset day is never seen.
            await using var batch = _source.CreateBatch();
            var counters = new NpgsqlBatchCommand(ResetCountersSql);
            counters.Parameters.Add(new NpgsqlParameter<string> { TypedValue = storeId });
            counters.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. dailyPortions.Keys] });
            counters.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. dailyPortions.Values] });
            var confirmed = new NpgsqlBatchCommand(ForgetConfirmedSql);
            confirmed.Parameters.Add(new NpgsqlParameter<string> { TypedValue = storeId });
            var barriers = new NpgsqlBatchCommand(PurgeBarriersSql);
            barriers.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = _options.BarrierTtl });
            batch.BatchCommands.Add(counters);
            batch.BatchCommands.Add(confirmed);
            batch.BatchCommands.Add(barriers);
            return await batch.ExecuteNonQueryAsync(cancellationToken);
        });
    }
}
