using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Canteen.Stock.Postgres;

/// <summary>
/// Inserts many hold rows in one statement (one array parameter per column; the lines flattened and regrouped per
/// order). ON CONFLICT DO NOTHING: an order that already has a row (a Cancel's barrier, another instance's hold)
/// keeps it, and the caller sees it in the inserted count.
/// </summary>
internal static partial class HoldInsert
{
    /// <summary>The statement, with its seven parameters numbered from $1.</summary>
    public const string Sql = """
        INSERT INTO stock_authority_holds (order_id, store_id, state, dish_ids, quantities, deadline)
        SELECT h.order_id, h.store_id, h.state, COALESCE(l.dish_ids, '{}'), COALESCE(l.quantities, '{}'), h.deadline
        FROM unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[]) AS h(order_id, store_id, state, deadline)
        LEFT JOIN (
            SELECT order_id, array_agg(dish_id ORDER BY dish_id) AS dish_ids, array_agg(q ORDER BY dish_id) AS quantities
            FROM unnest($5::bigint[], $6::text[], $7::integer[]) AS x(order_id, dish_id, q)
            GROUP BY order_id) AS l ON l.order_id = h.order_id
        ON CONFLICT (order_id) DO NOTHING
        """;

    public static NpgsqlBatchCommand Command(IReadOnlyCollection<NewHold> holds)
    {
        var command = new NpgsqlBatchCommand(Sql);
        AddParameters(command.Parameters, holds);
        return command;
    }

    /// <summary><see cref="Sql"/> with its parameters renumbered to start at <c>$(1 + offset)</c>, to embed it.</summary>
    public static string SqlFrom(int offset) =>
        Parameter().Replace(Sql, m => "$" + (int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) + offset).ToString(CultureInfo.InvariantCulture));

    public static void AddParameters(NpgsqlParameterCollection parameters, IReadOnlyCollection<NewHold> holds)
    {
        var lines = holds.SelectMany(h => h.Lines.Select(l => (h.OrderId, l.DishId, l.Quantity))).ToList();
        parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. holds.Select(h => h.OrderId)] });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. holds.Select(h => h.StoreId)] });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. holds.Select(h => h.State)] });
        parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. holds.Select(h => h.Deadline.ToUniversalTime())] });
        parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. lines.Select(l => l.OrderId)] });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. lines.Select(l => l.DishId)] });
        parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. lines.Select(l => l.Quantity)] });
    }

    [GeneratedRegex(@"\$(\d+)")]
    private static partial Regex Parameter();
}
