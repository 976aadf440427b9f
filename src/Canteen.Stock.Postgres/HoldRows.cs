using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;
using Npgsql;

namespace Canteen.Stock.Postgres;

/// <summary>Reads an existing hold row and answers a repeated Try with it, as the in-process ledger does.</summary>
internal static class HoldRows
{
    public const string Held = "held";
    public const string Confirmed = "confirmed";
    public const string Released = "released";
    public const string Settled = "settled";

    /// <summary>A retried Try gets what the first one held; a cancelled order (or a barrier) is barred.</summary>
    public static HoldResult ResultOf(string state, string[] dishIds, int[] quantities) =>
        state == Released ? HoldResult.Barred : HoldResult.Success(Lines(dishIds, quantities));

    public static HoldLine[] Lines(string[] dishIds, int[] quantities)
    {
        var lines = new HoldLine[dishIds.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = new HoldLine(dishIds[i], quantities[i]);
        }

        Array.Sort(lines, static (a, b) => string.CompareOrdinal(a.DishId, b.DishId));
        return lines;
    }

    public static async Task<HoldResult?> FindAsync(NpgsqlConnection connection, long orderId)
    {
        await using var command = new NpgsqlCommand(
            "SELECT state, dish_ids, quantities FROM stock_authority_holds WHERE order_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = orderId });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? ResultOf(reader.GetString(0), reader.GetFieldValue<string[]>(1), reader.GetFieldValue<int[]>(2))
            : null;
    }

    public static string NameOf(HoldState state) => state switch
    {
        HoldState.Held => Held,
        HoldState.Confirmed => Confirmed,
        HoldState.Released => Released,
        HoldState.Settled => Settled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
