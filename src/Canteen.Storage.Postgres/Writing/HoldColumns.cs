using Canteen.Engine.Storage;
using Npgsql;

namespace Canteen.Storage.Postgres.Writing;

/// <summary>New <c>stock_holds</c> rows (state <c>held</c>) gathered column by column for one unnest insert.</summary>
internal sealed class HoldColumns
{
    private const string Sql = """
        INSERT INTO stock_holds (order_id, store_id, dish_id, quantity, state, deadline)
        SELECT h.order_id, h.store_id, h.dish_id, h.quantity, 'held', h.deadline
        FROM unnest($1::bigint[], $2::text[], $3::text[], $4::integer[], $5::bigint[])
             AS h (order_id, store_id, dish_id, quantity, deadline);
        """;

    private readonly List<long> _orderIds = [];
    private readonly List<string> _storeIds = [];
    private readonly List<string> _dishIds = [];
    private readonly List<int> _quantities = [];
    private readonly List<long> _deadlines = [];

    public int Count => _orderIds.Count;

    /// <summary>
    /// Two lines of the same dish (different options) arrive as two hold lines: they are summed here into the one
    /// row per dish the key allows, because a single INSERT cannot touch the same row twice.
    /// </summary>
    public void Add(long orderId, string storeId, IReadOnlyList<HoldLine> holds, DateTimeOffset deadline)
    {
        var first = _orderIds.Count;
        foreach (var hold in holds)
        {
            var existing = _dishIds.FindIndex(first, d => string.Equals(d, hold.DishId, StringComparison.Ordinal));
            if (existing >= 0)
            {
                _quantities[existing] = checked(_quantities[existing] + hold.Quantity);
                continue;
            }

            _orderIds.Add(orderId);
            _storeIds.Add(storeId);
            _dishIds.Add(hold.DishId);
            _quantities.Add(hold.Quantity);
            _deadlines.Add(StoredValues.ToTicks(deadline));
        }
    }

    public NpgsqlBatchCommand ToCommand() => Parameters.Command(
        Sql,
        Parameters.Of(_orderIds),
        Parameters.Of(_storeIds),
        Parameters.Of(_dishIds),
        Parameters.Of(_quantities),
        Parameters.Of(_deadlines));
}
