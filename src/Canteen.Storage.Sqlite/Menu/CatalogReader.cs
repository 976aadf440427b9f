using Canteen.Core.Menu;
using Microsoft.Data.Sqlite;

namespace Canteen.Storage.Sqlite.Menu;

/// <summary>Loads the whole catalog from one read snapshot, every list in the order it was written.</summary>
internal sealed class CatalogReader(SqliteConnections connections)
{
    public async Task<Catalog> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenReaderAsync(cancellationToken);

        // One deferred read transaction: in WAL it pins a snapshot at the first SELECT, so a concurrent catalog write
        // can't tear the result, and unlike the default BEGIN IMMEDIATE it never takes the writer's lock.
        using var transaction = connection.BeginTransaction(deferred: true);
        var session = new Session(connection, transaction, cancellationToken);

        var stores = await session.ListAsync(
            "SELECT id, name, city, currency, time_zone_id FROM stores ORDER BY position;",
            r => new Store(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)));
        var categories = await session.ListAsync(
            "SELECT id, name, sort FROM categories ORDER BY position;",
            r => new Category(r.GetString(0), r.GetString(1), r.GetInt32(2)));
        var options = (await session.ListAsync(
            "SELECT group_id, id, name, price_delta FROM modifier_options ORDER BY position;",
            r => (Group: r.GetString(0), Option: new ModifierOption(r.GetString(1), r.GetString(2), r.GetInt64(3)))))
            .ToLookup(x => x.Group, x => x.Option, StringComparer.Ordinal);
        var groups = await session.ListAsync(
            "SELECT id, name, min_choices, max_choices FROM modifier_groups ORDER BY position;",
            r => new ModifierGroup(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), [.. options[r.GetString(0)]]));
        var groupsOfDish = (await session.ListAsync(
            "SELECT dish_id, group_id FROM dish_modifier_groups ORDER BY dish_id, position;",
            r => (Dish: r.GetString(0), Group: r.GetString(1))))
            .ToLookup(x => x.Dish, x => x.Group, StringComparer.Ordinal);
        var dishes = await session.ListAsync(
            "SELECT id, category_id, name, price, daily_portions FROM dishes ORDER BY position;",
            r => new Dish(
                r.GetString(0),
                r.GetString(1),
                r.GetString(2),
                r.GetInt64(3),
                [.. groupsOfDish[r.GetString(0)]],
                r.IsDBNull(4) ? null : r.GetInt32(4)));
        var settings = await session.ListAsync(
            "SELECT store_id, dish_id, available, price_override FROM store_dishes ORDER BY position;",
            r => new StoreDishSetting(r.GetString(0), r.GetString(1), r.GetBoolean(2), r.IsDBNull(3) ? null : r.GetInt64(3)));
        return new Catalog(stores, categories, groups, dishes, settings);
    }

    private sealed class Session(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        public async Task<List<T>> ListAsync<T>(string sql, Func<SqliteDataReader, T> map)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(map(reader));
            }

            return rows;
        }
    }
}
