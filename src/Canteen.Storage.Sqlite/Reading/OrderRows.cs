using Canteen.Core.Ordering;
using Canteen.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace Canteen.Storage.Sqlite.Reading;

/// <summary>The <c>orders</c> columns as SQLite names them; the mapping is shared (<see cref="StoredOrderRow"/>).</summary>
internal static class OrderRows
{
    public const string Columns =
        "id, store_id, owner_id, type, table_label, note, status, lines_json, total, currency, " +
        "version, business_day, pickup_seq, payment_deadline, created_at, updated_at";

    public static Order Read(SqliteDataReader row) =>
        StoredOrderRow.Read(row, StorageValues.ParseDay(row.GetString(StoredOrderRow.BusinessDayOrdinal)));
}
