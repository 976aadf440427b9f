using System.Data;
using Canteen.Core.Menu;
using Npgsql;

namespace Canteen.Storage.Postgres.Menu;

/// <summary>Loads the whole catalog from one snapshot in one round trip, every list in the order it was written.</summary>
internal sealed class CatalogReader(NpgsqlDataSource dataSource)
{
    private static readonly string[] Queries =
    [
        "SELECT id, name, city, currency, time_zone_id FROM stores ORDER BY position;",
        "SELECT id, name, sort FROM categories ORDER BY position;",
        "SELECT group_id, id, name, price_delta FROM modifier_options ORDER BY position;",
        "SELECT id, name, min_choices, max_choices FROM modifier_groups ORDER BY position;",
        "SELECT dish_id, group_id FROM dish_modifier_groups ORDER BY dish_id, position;",
        "SELECT id, category_id, name, price, daily_portions FROM dishes ORDER BY position;",
        "SELECT store_id, dish_id, available, price_override FROM store_dishes ORDER BY position;",
    ];

    public async Task<Catalog> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        // Repeatable read gives the seven SELECTs one snapshot, so a concurrent menu edit can't tear the result.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in Queries)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var stores = await ListAsync(
            reader,
            r => new Store(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)),
            cancellationToken);
        var categories = await ListAsync(reader, r => new Category(r.GetString(0), r.GetString(1), r.GetInt32(2)), cancellationToken);
        var options = (await ListAsync(
            reader,
            r => (Group: r.GetString(0), Option: new ModifierOption(r.GetString(1), r.GetString(2), r.GetInt64(3))),
            cancellationToken)).ToLookup(x => x.Group, x => x.Option, StringComparer.Ordinal);
        var groups = await ListAsync(
            reader,
            r => new ModifierGroup(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), [.. options[r.GetString(0)]]),
            cancellationToken);
        var groupsOfDish = (await ListAsync(reader, r => (Dish: r.GetString(0), Group: r.GetString(1)), cancellationToken))
            .ToLookup(x => x.Dish, x => x.Group, StringComparer.Ordinal);
        var dishes = await ListAsync(
            reader,
            r => new Dish(
                r.GetString(0),
                r.GetString(1),
                r.GetString(2),
                r.GetInt64(3),
                [.. groupsOfDish[r.GetString(0)]],
                r.IsDBNull(4) ? null : r.GetInt32(4)),
            cancellationToken);
        var settings = await ListAsync(
            reader,
            r => new StoreDishSetting(r.GetString(0), r.GetString(1), r.GetBoolean(2), r.IsDBNull(3) ? null : r.GetInt64(3)),
            cancellationToken);
        return new Catalog(stores, categories, groups, dishes, settings);
    }

    /// <summary>Reads the current result set, then moves the reader on to the next one.</summary>
    private static async Task<List<T>> ListAsync<T>(
        NpgsqlDataReader reader, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        await reader.NextResultAsync(cancellationToken);
        return rows;
    }
}
