using Canteen.Core.Ordering;
using Canteen.Engine.Storage.Json;
using Npgsql;
using NpgsqlTypes;

using Canteen.Engine.Storage;

namespace Canteen.Storage.Postgres.Writing;

/// <summary>New <c>orders</c> rows gathered column by column, written by one <c>INSERT ... SELECT FROM unnest(...)</c>.</summary>
internal sealed class OrderColumns
{
    private const string Sql = """
        INSERT INTO orders (id, store_id, owner_id, type, table_label, note, status, lines, total, currency,
                            version, business_day, pickup_seq, payment_deadline, created_at, updated_at)
        SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                             $8::jsonb[], $9::bigint[], $10::text[], $11::integer[], $12::date[], $13::integer[],
                             $14::bigint[], $15::bigint[], $16::bigint[]);
        """;

    private readonly List<long> _ids = [];
    private readonly List<string> _storeIds = [];
    private readonly List<string> _ownerIds = [];
    private readonly List<string> _types = [];
    private readonly List<string?> _tables = [];
    private readonly List<string?> _notes = [];
    private readonly List<string> _statuses = [];
    private readonly List<string> _lines = [];
    private readonly List<long> _totals = [];
    private readonly List<string> _currencies = [];
    private readonly List<int> _versions = [];
    private readonly List<DateOnly> _businessDays = [];
    private readonly List<int> _pickupSequences = [];
    private readonly List<long> _deadlines = [];
    private readonly List<long> _createdAt = [];
    private readonly List<long> _updatedAt = [];

    public void Add(OrderSnapshot order)
    {
        _ids.Add(order.Id);
        _storeIds.Add(order.StoreId);
        _ownerIds.Add(order.OwnerId);
        _types.Add(OrderStatusNames.ToWire(order.Type));
        _tables.Add(order.Table);
        _notes.Add(order.Note);
        _statuses.Add(OrderStatusNames.ToWire(order.Status));
        _lines.Add(OrderLinesJson.Write(order.Lines));
        _totals.Add(order.Total.Minor);
        _currencies.Add(order.Total.Currency);
        _versions.Add(order.Version);
        _businessDays.Add(order.Pickup.BusinessDay);
        _pickupSequences.Add(order.Pickup.Sequence);
        _deadlines.Add(StoredValues.ToTicks(order.PaymentDeadline));
        _createdAt.Add(StoredValues.ToTicks(order.CreatedAt));
        _updatedAt.Add(StoredValues.ToTicks(order.UpdatedAt));
    }

    public NpgsqlBatchCommand ToCommand() => Parameters.Command(
        Sql,
        Parameters.Of(_ids),
        Parameters.Of(_storeIds),
        Parameters.Of(_ownerIds),
        Parameters.Of(_types),
        Parameters.Of(_tables, NpgsqlDbType.Array | NpgsqlDbType.Text),
        Parameters.Of(_notes, NpgsqlDbType.Array | NpgsqlDbType.Text),
        Parameters.Of(_statuses),
        Parameters.Of(_lines, NpgsqlDbType.Array | NpgsqlDbType.Jsonb),
        Parameters.Of(_totals),
        Parameters.Of(_currencies),
        Parameters.Of(_versions),
        Parameters.Of(_businessDays),
        Parameters.Of(_pickupSequences),
        Parameters.Of(_deadlines),
        Parameters.Of(_createdAt),
        Parameters.Of(_updatedAt));
}
