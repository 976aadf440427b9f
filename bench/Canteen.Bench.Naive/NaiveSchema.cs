using Npgsql;

namespace Canteen.Bench.Naive;

/// <summary>
/// The baseline's own tables in schema <c>naive</c>, recreated empty at every start so each benchmark run begins
/// from the same state and never touches Canteen's tables.
/// </summary>
internal static class NaiveSchema
{
    private const string Ddl = """
        CREATE SCHEMA IF NOT EXISTS naive;
        CREATE TABLE IF NOT EXISTS naive.stock (
            store_id text NOT NULL, dish_id text NOT NULL, total integer NOT NULL, available integer NOT NULL,
            PRIMARY KEY (store_id, dish_id));
        CREATE TABLE IF NOT EXISTS naive.orders (
            id bigserial PRIMARY KEY, store_id text NOT NULL, idempotency_key text NOT NULL UNIQUE,
            type text NOT NULL, table_name text, note text, status text NOT NULL, created_at timestamptz NOT NULL);
        CREATE TABLE IF NOT EXISTS naive.order_lines (
            order_id bigint NOT NULL REFERENCES naive.orders (id), line_no integer NOT NULL, dish_id text NOT NULL,
            quantity integer NOT NULL, options text[] NOT NULL, note text, PRIMARY KEY (order_id, line_no));
        TRUNCATE naive.order_lines, naive.orders, naive.stock;
        """;

    /// <summary>Creates and seeds the tables; returns the (store, dish) pairs whose stock rows orders lock.</summary>
    public static async Task<HashSet<(string Store, string Dish)>> ResetAsync(NpgsqlDataSource dataSource, NaiveOptions options)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var ddl = new NpgsqlCommand(Ddl, connection))
        {
            await ddl.ExecuteNonQueryAsync();
        }

        var limited = new HashSet<(string, string)>();
        foreach (var store in options.Stores)
        {
            foreach (var dish in options.LimitedDishes)
            {
                await using var insert = new NpgsqlCommand("INSERT INTO naive.stock VALUES ($1, $2, $3, $3)", connection);
                insert.Parameters.Add(new() { Value = store });
                insert.Parameters.Add(new() { Value = dish });
                insert.Parameters.Add(new() { Value = options.InitialStock });
                await insert.ExecuteNonQueryAsync();
                limited.Add((store, dish));
            }
        }

        return limited;
    }
}
