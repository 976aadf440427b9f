using Canteen.Engine.Storage;
using Npgsql;

namespace Canteen.Storage.Postgres.Reading;

/// <summary>
/// Reads the persisted stock state the in-process ledger is rebuilt from at start-up. Ids sort byte-wise (<c>"C"</c>),
/// as in the SQLite adapter, whatever the database collation.
/// </summary>
internal sealed class StockQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<StockTotal>> LoadTotalsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT store_id, dish_id, total, daily_portions FROM stock_levels ORDER BY store_id COLLATE \"C\", dish_id COLLATE \"C\";");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var totals = new List<StockTotal>();
        while (await reader.ReadAsync(cancellationToken))
        {
            totals.Add(new StockTotal(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3)));
        }

        return totals;
    }

    public async Task<IReadOnlyList<PersistedHold>> LoadActiveHoldsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT order_id, store_id, dish_id, quantity, state, deadline FROM stock_holds " +
            "WHERE state IN ('held', 'confirmed') ORDER BY order_id, dish_id COLLATE \"C\";");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var holds = new List<PersistedHold>();
        while (await reader.ReadAsync(cancellationToken))
        {
            holds.Add(new PersistedHold(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetInt32(3),
                StoredValues.ParseHoldState(reader.GetString(4)),
                StoredValues.FromTicks(reader.GetInt64(5))));
        }

        return holds;
    }
}
