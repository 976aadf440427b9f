using System.Text;
using Canteen.Core.Ordering;
using Canteen.Engine.Storage;

namespace Canteen.Storage.Sqlite.Reading;

/// <summary>Order reads, each on its own pooled connection so they never wait for the writer (WAL).</summary>
internal sealed class OrderQueries(SqliteConnections connections)
{
    public async Task<Order?> FindAsync(long orderId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {OrderRows.Columns} FROM orders WHERE id = $id;";
        command.Parameters.AddWithValue("$id", orderId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? OrderRows.Read(reader) : null;
    }

    public async Task<OrderPage> ListAsync(string storeId, OrderStatus? status, int limit, long? before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await connections.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // Optional filters are left out of the SQL rather than written as "$p IS NULL OR ...": that form would stop
        // SQLite from seeking the (store_id, id DESC) index to the cursor, making deep pages scan from the newest.
        var sql = new StringBuilder($"SELECT {OrderRows.Columns} FROM orders WHERE store_id = $store_id");
        command.Parameters.AddWithValue("$store_id", storeId);
        if (status is { } wanted)
        {
            sql.Append(" AND status = $status");
            command.Parameters.AddWithValue("$status", OrderStatusNames.ToWire(wanted));
        }

        if (before is { } cursor)
        {
            sql.Append(" AND id < $before");
            command.Parameters.AddWithValue("$before", cursor);
        }

        // One row more than asked tells whether another page exists without a second query.
        sql.Append(" ORDER BY id DESC LIMIT $take;");
        command.Parameters.AddWithValue("$take", limit + 1);
        command.CommandText = sql.ToString();

        var items = new List<Order>(Math.Min(limit + 1, 256));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(OrderRows.Read(reader));
        }

        if (items.Count <= limit)
        {
            return new OrderPage(items, null);
        }

        items.RemoveAt(limit);
        return new OrderPage(items, items[^1].Id);
    }

    public async Task<int> LastPickupSequenceAsync(string storeId, DateOnly businessDay, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT COALESCE(MAX(pickup_seq), 0) FROM orders WHERE store_id = $store_id AND business_day = $business_day;";
        command.Parameters.AddWithValue("$store_id", storeId);
        command.Parameters.AddWithValue("$business_day", StorageValues.DayToText(businessDay));
        var last = await command.ExecuteScalarAsync(cancellationToken);
        return checked((int)(long)last!);
    }

    public async Task<IReadOnlyList<long>> FindExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // Two index range scans on (status, payment_deadline), merged: cheap enough to run every few hundred ms.
        command.CommandText = """
            SELECT id FROM (
                SELECT id, payment_deadline FROM orders WHERE status = 'created' AND payment_deadline <= $now
                UNION ALL
                SELECT id, payment_deadline FROM orders WHERE status = 'paying' AND payment_deadline <= $now)
            ORDER BY payment_deadline, id LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$now", StoredValues.ToTicks(now));
        command.Parameters.AddWithValue("$limit", limit);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
