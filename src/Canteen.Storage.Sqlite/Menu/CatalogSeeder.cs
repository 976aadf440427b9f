using Canteen.Core.Menu;
using Microsoft.Data.Sqlite;

namespace Canteen.Storage.Sqlite.Menu;

/// <summary>
/// Writes the seed catalog into an empty database, in one transaction, with each limited dish's stock set to its
/// daily portions in every store that sells it. Each row records its list position so the catalog loads back in
/// the order it was seeded.
/// </summary>
internal static class CatalogSeeder
{
    public static void SeedIfEmpty(SqliteConnection connection, Catalog? seed)
    {
        if (seed is null)
        {
            return;
        }

        // The emptiness check runs inside the write lock, so two processes starting together seed once.
        using var transaction = connection.BeginTransaction(deferred: false);
        using var probe = Command(connection, transaction, "SELECT EXISTS (SELECT 1 FROM stores);");
        if ((long)probe.ExecuteScalar()! == 1)
        {
            return;
        }

        Write(connection, transaction, seed);
        transaction.Commit();
    }

    private static void Write(SqliteConnection connection, SqliteTransaction transaction, Catalog seed)
    {
        InsertAll(connection, transaction, "INSERT INTO stores (id, name, city, currency, time_zone_id, position) VALUES ($0, $1, $2, $3, $4, $5);",
            seed.Stores, (s, i) => [s.Id, s.Name, s.City, s.Currency, s.TimeZoneId, i]);
        InsertAll(connection, transaction, "INSERT INTO categories (id, name, sort, position) VALUES ($0, $1, $2, $3);",
            seed.Categories, (c, i) => [c.Id, c.Name, c.Sort, i]);
        InsertAll(connection, transaction, "INSERT INTO modifier_groups (id, name, min_choices, max_choices, position) VALUES ($0, $1, $2, $3, $4);",
            seed.ModifierGroups, (g, i) => [g.Id, g.Name, g.Min, g.Max, i]);
        InsertAll(connection, transaction, "INSERT INTO modifier_options (group_id, id, name, price_delta, position) VALUES ($0, $1, $2, $3, $4);",
            seed.ModifierGroups.SelectMany(g => g.Options.Select(o => (Group: g.Id, Option: o))).ToList(),
            (x, i) => [x.Group, x.Option.Id, x.Option.Name, x.Option.PriceDelta, i]);
        InsertAll(connection, transaction, "INSERT INTO dishes (id, category_id, name, price, daily_portions, position) VALUES ($0, $1, $2, $3, $4, $5);",
            seed.Dishes, (d, i) => [d.Id, d.CategoryId, d.Name, d.Price, d.DailyPortions, i]);
        InsertAll(connection, transaction, "INSERT INTO dish_modifier_groups (dish_id, group_id, position) VALUES ($0, $1, $2);",
            seed.Dishes.SelectMany(d => d.ModifierGroupIds.Select((g, i) => (Dish: d.Id, Group: g, Position: i))).ToList(),
            (x, _) => [x.Dish, x.Group, x.Position]);
        InsertAll(connection, transaction, "INSERT INTO store_dishes (store_id, dish_id, available, price_override, position) VALUES ($0, $1, $2, $3, $4);",
            seed.StoreSettings, (s, i) => [s.StoreId, s.DishId, s.Available, s.PriceOverride, i]);
        InsertAll(connection, transaction, "INSERT INTO stock_levels (store_id, dish_id, total, daily_portions) VALUES ($0, $1, $2, $2);",
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

    private static void InsertAll<T>(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string sql,
        IReadOnlyList<T> rows,
        Func<T, int, object?[]> values)
    {
        using var command = Command(connection, transaction, sql);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = values(rows[i], i);
            command.Parameters.Clear();
            for (var p = 0; p < row.Length; p++)
            {
                command.Parameters.AddWithValue("$" + p, row[p] ?? DBNull.Value);
            }

            command.ExecuteNonQuery();
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
