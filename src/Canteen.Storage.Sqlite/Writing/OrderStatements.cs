using Canteen.Core.Ordering;
using Canteen.Engine.Storage.Json;
using Microsoft.Data.Sqlite;

using Canteen.Engine.Storage;

namespace Canteen.Storage.Sqlite.Writing;

/// <summary>The prepared statements that write the <c>orders</c> table.</summary>
internal sealed class OrderStatements : IDisposable
{
    private readonly PreparedStatement _insert;
    private readonly PreparedStatement _update;
    private readonly PreparedStatement _exists;

    public OrderStatements(SqliteConnection connection)
    {
        _insert = new PreparedStatement(
            connection,
            """
            INSERT INTO orders (id, store_id, owner_id, type, table_label, note, status, lines_json, total, currency,
                                version, business_day, pickup_seq, payment_deadline, created_at, updated_at)
            VALUES ($id, $store_id, $owner_id, $type, $table_label, $note, $status, $lines_json, $total, $currency,
                    $version, $business_day, $pickup_seq, $payment_deadline, $created_at, $updated_at);
            """,
            "$id", "$store_id", "$owner_id", "$type", "$table_label", "$note", "$status", "$lines_json", "$total", "$currency",
            "$version", "$business_day", "$pickup_seq", "$payment_deadline", "$created_at", "$updated_at");

        // Lines, total and pickup are fixed at creation; a status move changes exactly these three columns, and only
        // if nobody moved the order since the writer read it (optimistic concurrency on version).
        _update = new PreparedStatement(
            connection,
            "UPDATE orders SET status = $status, version = $version, updated_at = $updated_at WHERE id = $id AND version = $expected;",
            "$status", "$version", "$updated_at", "$id", "$expected");
        _exists = new PreparedStatement(connection, "SELECT EXISTS (SELECT 1 FROM orders WHERE id = $id);", "$id");
    }

    public void Insert(OrderSnapshot order) => _insert.Execute(
        order.Id,
        order.StoreId,
        order.OwnerId,
        OrderStatusNames.ToWire(order.Type),
        order.Table,
        order.Note,
        OrderStatusNames.ToWire(order.Status),
        OrderLinesJson.Write(order.Lines),
        order.Total.Minor,
        order.Total.Currency,
        order.Version,
        StorageValues.DayToText(order.Pickup.BusinessDay),
        order.Pickup.Sequence,
        StoredValues.ToTicks(order.PaymentDeadline),
        StoredValues.ToTicks(order.CreatedAt),
        StoredValues.ToTicks(order.UpdatedAt));

    /// <summary>True when the row was at <paramref name="expectedVersion"/> and now holds the snapshot's status.</summary>
    public bool TryUpdateStatus(OrderSnapshot order, int expectedVersion) => _update.Execute(
        OrderStatusNames.ToWire(order.Status),
        order.Version,
        StoredValues.ToTicks(order.UpdatedAt),
        order.Id,
        expectedVersion) == 1;

    public bool Exists(long orderId) => _exists.QueryInt64(orderId) == 1;

    public void Dispose()
    {
        _insert.Dispose();
        _update.Dispose();
        _exists.Dispose();
    }
}
