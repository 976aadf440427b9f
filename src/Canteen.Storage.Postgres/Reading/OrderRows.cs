using Canteen.Core.Ordering;
using Canteen.Engine.Storage;
using Npgsql;

namespace Canteen.Storage.Postgres.Reading;

/// <summary>The <c>orders</c> columns as PostgreSQL names them; the mapping is shared (<see cref="StoredOrderRow"/>).</summary>
internal static class OrderRows
{
    public const string Columns =
        "id, store_id, owner_id, type, table_label, note, status, lines, total, currency, " +
        "version, business_day, pickup_seq, payment_deadline, created_at, updated_at";

    public static Order Read(NpgsqlDataReader row) =>
        StoredOrderRow.Read(row, row.GetFieldValue<DateOnly>(StoredOrderRow.BusinessDayOrdinal));
}
