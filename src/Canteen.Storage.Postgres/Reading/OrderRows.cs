using Canteen.Core.Ordering;
using Canteen.Core.Shared;
using Canteen.Engine.Storage.Json;
using Npgsql;

using Canteen.Engine.Storage;

namespace Canteen.Storage.Postgres.Reading;

/// <summary>Turns an <c>orders</c> row, selected with <see cref="Columns"/>, back into the aggregate.</summary>
internal static class OrderRows
{
    public const string Columns =
        "id, store_id, owner_id, type, table_label, note, status, lines, total, currency, " +
        "version, business_day, pickup_seq, payment_deadline, created_at, updated_at";

    public static Order Read(NpgsqlDataReader row)
    {
        var currency = row.GetString(9);
        return Order.Restore(new OrderSnapshot(
            Id: row.GetInt64(0),
            StoreId: row.GetString(1),
            OwnerId: row.GetString(2),
            Type: StoredValues.ParseType(row.GetString(3)),
            Table: row.IsDBNull(4) ? null : row.GetString(4),
            Note: row.IsDBNull(5) ? null : row.GetString(5),
            Status: StoredValues.ParseStatus(row.GetString(6)),
            Lines: OrderLinesJson.Read(row.GetString(7), currency),
            Total: new Money(row.GetInt64(8), currency),
            Version: row.GetInt32(10),
            Pickup: new PickupNumber(row.GetFieldValue<DateOnly>(11), row.GetInt32(12)),
            PaymentDeadline: StoredValues.FromTicks(row.GetInt64(13)),
            CreatedAt: StoredValues.FromTicks(row.GetInt64(14)),
            UpdatedAt: StoredValues.FromTicks(row.GetInt64(15))));
    }
}
