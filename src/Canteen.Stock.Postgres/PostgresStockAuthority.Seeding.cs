using Canteen.Engine.Storage;
using Npgsql;

namespace Canteen.Stock.Postgres;

/// <summary>Start-up: create the tables, then seed only what they do not hold yet (<see cref="SeedPlan"/>).</summary>
public sealed partial class PostgresStockAuthority
{
    private const string InsertCountersSql = """
        INSERT INTO stock_authority_counters (store_id, dish_id, available, reserved, sold)
        SELECT * FROM unnest($1::text[], $2::text[], $3::integer[], $4::integer[], $5::integer[])
        ON CONFLICT (store_id, dish_id) DO NOTHING
        """;

    public async ValueTask InitializeAsync(IReadOnlyList<StockTotal> totals, IReadOnlyList<PersistedHold> holds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(holds);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Instances starting together take turns: CREATE TABLE IF NOT EXISTS is not safe against itself, and two
        // seeders reading "absent" at once would both seed.
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({StockSchema.AdvisoryLock}); {StockSchema.Create}", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var liveDishes = new HashSet<(string, string)>();
        await using (var command = new NpgsqlCommand("SELECT store_id, dish_id FROM stock_authority_counters", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                liveDishes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var liveOrders = new HashSet<long>();
        await using (var command = new NpgsqlCommand("SELECT order_id FROM stock_authority_holds WHERE order_id = ANY($1)", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. holds.Select(h => h.OrderId).Distinct()] });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                liveOrders.Add(reader.GetInt64(0));
            }
        }

        var plan = SeedPlan.Create(totals, holds, liveDishes, liveOrders);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            var counters = new NpgsqlBatchCommand(InsertCountersSql);
            counters.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. plan.Counters.Select(c => c.Total.StoreId)] });
            counters.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. plan.Counters.Select(c => c.Total.DishId)] });
            counters.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. plan.Counters.Select(c => c.Available)] });
            counters.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. plan.Counters.Select(c => c.Reserved)] });
            counters.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. plan.Counters.Select(c => c.Sold)] });
            batch.BatchCommands.Add(counters);
            batch.BatchCommands.Add(HoldInsert.Command(plan.Holds));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
