using Canteen.Core.Menu;
using Canteen.Storage.Postgres.Migrations;
using Npgsql;

namespace Canteen.Storage.Postgres.Menu;

/// <summary>
/// Writes the seed catalog into an empty schema, in one transaction and one round trip (a batch), with each limited
/// dish's stock set to its daily portions in every store that sells it. Each row records its list position so the
/// catalog loads back in the order it was seeded.
/// </summary>
internal static class CatalogSeeder
{
    public static async Task SeedIfEmptyAsync(NpgsqlDataSource dataSource, string schema, Catalog? seed, CancellationToken cancellationToken)
    {
        if (seed is null)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The emptiness check runs under the schema lock, so instances starting together seed exactly once.
        await SchemaLock.AcquireAsync(connection, schema, cancellationToken);
        await using (var probe = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM stores);", connection))
        {
            if (await probe.ExecuteScalarAsync(cancellationToken) is true)
            {
                return;
            }
        }

        await using var batch = new NpgsqlBatch(connection);
        Write(batch, seed);
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static void Write(NpgsqlBatch batch, Catalog seed)
    {
        AddAll(batch, "INSERT INTO stores (id, name, city, currency, time_zone_id, position) VALUES ($1, $2, $3, $4, $5, $6);",
            seed.Stores, (s, i) => [s.Id, s.Name, s.City, s.Currency, s.TimeZoneId, i]);
        AddAll(batch, "INSERT INTO categories (id, name, sort, position) VALUES ($1, $2, $3, $4);",
            seed.Categories, (c, i) => [c.Id, c.Name, c.Sort, i]);
        AddAll(batch, "INSERT INTO modifier_groups (id, name, min_choices, max_choices, position) VALUES ($1, $2, $3, $4, $5);",
            seed.ModifierGroups, (g, i) => [g.Id, g.Name, g.Min, g.Max, i]);
        AddAll(batch, "INSERT INTO modifier_options (group_id, id, name, price_delta, position) VALUES ($1, $2, $3, $4, $5);",
            seed.ModifierGroups.SelectMany(g => g.Options.Select(o => (Group: g.Id, Option: o))).ToList(),
            (x, i) => [x.Group, x.Option.Id, x.Option.Name, x.Option.PriceDelta, i]);
        AddAll(batch, "INSERT INTO dishes (id, category_id, name, price, daily_portions, position) VALUES ($1, $2, $3, $4, $5, $6);",
            seed.Dishes, (d, i) => [d.Id, d.CategoryId, d.Name, d.Price, d.DailyPortions, i]);
        AddAll(batch, "INSERT INTO dish_modifier_groups (dish_id, group_id, position) VALUES ($1, $2, $3);",
            seed.Dishes.SelectMany(d => d.ModifierGroupIds.Select((g, i) => (Dish: d.Id, Group: g, Position: i))).ToList(),
            (x, _) => [x.Dish, x.Group, x.Position]);
        AddAll(batch, "INSERT INTO store_dishes (store_id, dish_id, available, price_override, position) VALUES ($1, $2, $3, $4, $5);",
            seed.StoreSettings, (s, i) => [s.StoreId, s.DishId, s.Available, s.PriceOverride, i]);
        AddAll(batch, "INSERT INTO stock_levels (store_id, dish_id, total, daily_portions) VALUES ($1, $2, $3, $3);",
            InitialStock(seed), (x, _) => [x.StoreId, x.DishId, x.Portions]);
    }

    private static List<(string StoreId, string DishId, int Portions)> InitialStock(Catalog seed)
    {
        var notSold = seed.StoreSettings
            .Where(s => !s.Available)
            .Select(s => (s.StoreId, s.DishId))
            .ToHashSet();
        return [.. seed.Dishes
            .Where(d => d.DailyPortions is not null)
            .SelectMany(d => seed.Stores
                .Where(s => !notSold.Contains((s.Id, d.Id)))
                .Select(s => (s.Id, d.Id, d.DailyPortions!.Value)))];
    }

    /// <summary>One statement per row, all in the same batch: the seed is small, and it costs a single round trip.</summary>
    private static void AddAll<T>(NpgsqlBatch batch, string sql, IReadOnlyList<T> rows, Func<T, int, object?[]> values)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var value in values(rows[i], i))
            {
                // An untyped null takes the column's type from the statement (nullable portions and price overrides).
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            batch.BatchCommands.Add(command);
        }
    }
}
