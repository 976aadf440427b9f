using System.Text;
using Canteen.Core.Ordering;
using Canteen.Engine.Storage;
using Npgsql;

namespace Canteen.Storage.Postgres.Reading;

/// <summary>Order reads, each on a pooled connection for just as long as the statement runs.</summary>
internal sealed class OrderQueries(NpgsqlDataSource dataSource)
{
    public async Task<Order?> FindAsync(long orderId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {OrderRows.Columns} FROM orders WHERE id = $1;");
        command.Parameters.Add(Parameters.Of(orderId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? OrderRows.Read(reader) : null;
    }

    public async Task<OrderPage> ListAsync(string storeId, OrderStatus? status, int limit, long? before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var command = dataSource.CreateCommand();

        // Optional filters are left out of the SQL rather than written as "$n IS NULL OR ...": a generic plan for that
        // form can't seek the (store_id, id DESC) index to the cursor, so deep pages would scan from the newest.
        var sql = new StringBuilder($"SELECT {OrderRows.Columns} FROM orders WHERE store_id = $1");
        command.Parameters.Add(Parameters.Of(storeId));
        if (status is { } wanted)
        {
            command.Parameters.Add(Parameters.Of(OrderStatusNames.ToWire(wanted)));
            sql.Append(" AND status = $").Append(command.Parameters.Count);
        }

        if (before is { } cursor)
        {
            command.Parameters.Add(Parameters.Of(cursor));
            sql.Append(" AND id < $").Append(command.Parameters.Count);
        }

        // One row more than asked tells whether another page exists without a second query.
        command.Parameters.Add(Parameters.Of(limit + 1));
        sql.Append(" ORDER BY id DESC LIMIT $").Append(command.Parameters.Count).Append(';');
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
        await using var command = dataSource.CreateCommand(
            "SELECT COALESCE(MAX(pickup_seq), 0) FROM orders WHERE store_id = $1 AND business_day = $2;");
        command.Parameters.Add(Parameters.Of(storeId));
        command.Parameters.Add(Parameters.Of(businessDay));
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<long>> FindExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        // The predicate repeats the partial index's (status IN ...), so the planner walks that small index in
        // deadline order and stops at the limit.
        await using var command = dataSource.CreateCommand(
            "SELECT id FROM orders WHERE status IN ('created', 'paying') AND payment_deadline <= $1 " +
            "ORDER BY payment_deadline, id LIMIT $2;");
        command.Parameters.Add(Parameters.Of(StoredValues.ToTicks(now)));
        command.Parameters.Add(Parameters.Of(limit));
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
