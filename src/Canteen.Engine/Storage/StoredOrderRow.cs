using System.Data.Common;
using Canteen.Core.Ordering;
using Canteen.Core.Shared;
using Canteen.Engine.Storage.Json;

namespace Canteen.Engine.Storage;

/// <summary>
/// Turns an <c>orders</c> row back into the aggregate. Both storage adapters select the same sixteen columns in the
/// same order with the same representations (ticks, wire names, lines as JSON); only the business day differs (text
/// in SQLite, a <c>date</c> in PostgreSQL), so the adapter reads that one and passes it in.
/// </summary>
public static class StoredOrderRow
{
    /// <summary>The column holding the business day, which the adapter reads in its own representation.</summary>
    public const int BusinessDayOrdinal = 11;

    public static Order Read(DbDataReader row, DateOnly businessDay)
    {
        ArgumentNullException.ThrowIfNull(row);
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
            Pickup: new PickupNumber(businessDay, row.GetInt32(12)),
            PaymentDeadline: StoredValues.FromTicks(row.GetInt64(13)),
            CreatedAt: StoredValues.FromTicks(row.GetInt64(14)),
            UpdatedAt: StoredValues.FromTicks(row.GetInt64(15))));
    }
}
