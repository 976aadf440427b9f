using Canteen.Engine.Inventory;
using Npgsql;

namespace Canteen.Stock.Postgres;

/// <summary>
/// The first step of a batched Try transaction, one round trip (BEGIN travels with it): the hold rows the batch's orders already have, and
/// the counter rows of every dish involved, locked FOR UPDATE in (store, dish) order so that batches and other
/// writers always lock in the same order. The available counts read under the lock stay true until the commit.
/// </summary>
internal static class BatchRead
{
    private const string ExistingSql = "SELECT order_id, state, dish_ids, quantities FROM stock_authority_holds WHERE order_id = ANY($1)";

    private const string LockSql = """
        SELECT c.store_id, c.dish_id, c.available
        FROM stock_authority_counters c JOIN unnest($1::text[], $2::text[]) AS k(store_id, dish_id)
          ON c.store_id = k.store_id AND c.dish_id = k.dish_id
        ORDER BY c.store_id, c.dish_id
        FOR UPDATE OF c
        """;

    public static async Task<(Dictionary<long, HoldResult>, Dictionary<(string, string), int>)> ReadAndLockAsync(
        NpgsqlConnection connection, List<PendingTry> batch)
    {
        var keys = batch.SelectMany(p => p.Lines.Select(l => (p.Request.StoreId, l.DishId))).Distinct().ToList();
        await using var read = new NpgsqlBatch(connection);
        read.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        var existingCommand = new NpgsqlBatchCommand(ExistingSql);
        existingCommand.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. batch.Select(p => p.Request.OrderId).Distinct()] });
        var lockCommand = new NpgsqlBatchCommand(LockSql);
        lockCommand.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. keys.Select(k => k.StoreId)] });
        lockCommand.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. keys.Select(k => k.DishId)] });
        read.BatchCommands.Add(existingCommand);
        read.BatchCommands.Add(lockCommand);

        var existing = new Dictionary<long, HoldResult>();
        var available = new Dictionary<(string, string), int>();
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            existing[reader.GetInt64(0)] = HoldRows.ResultOf(reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.GetFieldValue<int[]>(3));
        }

        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            available[(reader.GetString(0), reader.GetString(1))] = reader.GetInt32(2);
        }

        return (existing, available);
    }
}
