using System.Globalization;
using Npgsql;

namespace Canteen.Bench.Naive;

/// <summary>
/// The textbook way to place an order: one transaction per order that locks the stock row of each limited line
/// (<c>SELECT ... FOR UPDATE</c>), decrements it, inserts the order and its lines, and commits. Every order pays a
/// round trip per statement and a durable commit of its own, and concurrent orders for one dish queue on its row
/// lock. It does no pricing or idempotency replay, which only flatters it.
/// </summary>
internal sealed class NaiveOrderStore(NpgsqlDataSource dataSource, HashSet<(string Store, string Dish)> limited, TimeProvider time)
{
    /// <summary>The placed order, or <c>null</c> when some limited line is sold out (nothing is changed then).</summary>
    public async Task<NaiveOrder?> PlaceAsync(string storeId, string idempotencyKey, NaiveOrderRequest request, CancellationToken cancellationToken)
    {
        var lines = request.Items!.Select(i => i!).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Rows are locked in one global order (dish id) so two orders can never deadlock on each other's rows.
        var holds = lines.Where(l => limited.Contains((storeId, l.DishId!)))
            .GroupBy(l => l.DishId!, StringComparer.Ordinal)
            .Select(g => (Dish: g.Key, Quantity: g.Sum(l => l.Quantity!.Value)))
            .OrderBy(h => h.Dish, StringComparer.Ordinal);
        foreach (var (dish, quantity) in holds)
        {
            var available = (int)(await ScalarAsync(connection, cancellationToken,
                "SELECT available FROM naive.stock WHERE store_id = $1 AND dish_id = $2 FOR UPDATE", storeId, dish))!;
            if (available < quantity)
            {
                await transaction.RollbackAsync(cancellationToken);
                return null;
            }

            await ScalarAsync(connection, cancellationToken,
                "UPDATE naive.stock SET available = available - $3 WHERE store_id = $1 AND dish_id = $2", storeId, dish, quantity);
        }

        var id = (long)(await ScalarAsync(connection, cancellationToken,
            "INSERT INTO naive.orders (store_id, idempotency_key, type, table_name, note, status, created_at) VALUES ($1, $2, $3, $4, $5, 'created', $6) RETURNING id",
            storeId, idempotencyKey, request.Type ?? "dine_in", request.Table, request.Note, time.GetUtcNow()))!;
        for (var i = 0; i < lines.Count; i++)
        {
            var options = (lines[i].Options ?? []).Select(o => o ?? string.Empty).ToArray();
            await ScalarAsync(connection, cancellationToken, "INSERT INTO naive.order_lines VALUES ($1, $2, $3, $4, $5, $6)",
                id, i, lines[i].DishId, lines[i].Quantity, options, lines[i].Note);
        }

        await transaction.CommitAsync(cancellationToken);
        return new NaiveOrder(id.ToString(CultureInfo.InvariantCulture), storeId, "created");
    }

    public async Task<NaiveOrder?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "SELECT store_id, status FROM naive.orders WHERE id = $1", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new NaiveOrder(id.ToString(CultureInfo.InvariantCulture), reader.GetString(0), reader.GetString(1))
            : null;
    }

    /// <summary>Stock in the shape of Canteen's API: portions taken count as sold (the baseline has no payment step).</summary>
    public async Task<List<NaiveStockLevel>> StockAsync(string storeId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "SELECT dish_id, total, available FROM naive.stock WHERE store_id = $1 ORDER BY dish_id", storeId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var levels = new List<NaiveStockLevel>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var (total, available) = (reader.GetInt32(1), reader.GetInt32(2));
            levels.Add(new NaiveStockLevel(reader.GetString(0), total, available, 0, total - available));
        }

        return levels;
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, CancellationToken cancellationToken, string sql, params object?[] values)
    {
        await using var command = Command(connection, sql, values);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
