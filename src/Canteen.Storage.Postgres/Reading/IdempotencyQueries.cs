using Canteen.Engine.Idempotency;
using Npgsql;

using Canteen.Engine.Storage;

namespace Canteen.Storage.Postgres.Reading;

/// <summary>Reads stored idempotency records (concurrent single lookups are coalesced by <see cref="CoalescedReads{TKey, TValue}"/>).</summary>
internal sealed class IdempotencyQueries(NpgsqlDataSource dataSource)
{
    // One probe of the primary key per key, whatever the statistics say. A plain join of the unnest is planned once
    // per pooled connection (the statement is prepared), and planned against a new, empty table PostgreSQL picks a
    // hash join over a sequential scan and keeps it while the table grows: measured, lookups slowed until the server
    // spent its time scanning. The LIMIT keeps the subquery from being flattened into such a join.
    internal const string FindManySql = """
        SELECT i.scope, i.key, i.request_hash, i.status_code, i.location, i.body, i.created_at
        FROM unnest($1::text[], $2::text[]) AS q(scope, key)
        CROSS JOIN LATERAL (SELECT * FROM idempotency_keys k WHERE k.scope = q.scope AND k.key = q.key LIMIT 1) AS i;
        """;

    /// <summary>The stored records of those keys that have one.</summary>
    public async Task<Dictionary<Key, IdempotencyRecord>> FindManyAsync(IReadOnlyList<Key> keys, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(FindManySql);
        command.Parameters.Add(Parameters.Of(keys.Select(k => k.Scope).ToArray()));
        command.Parameters.Add(Parameters.Of(keys.Select(k => k.Value).ToArray()));
        var found = new Dictionary<Key, IdempotencyRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var record = new IdempotencyRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetFieldValue<byte[]>(5),
                StoredValues.FromTicks(reader.GetInt64(6)));
            found[new Key(record.Scope, record.Key)] = record;
        }

        return found;
    }

    public async Task<bool> AnyCreatedBeforeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM idempotency_keys WHERE created_at < $1);");
        command.Parameters.Add(Parameters.Of(StoredValues.ToTicks(createdBefore)));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>An idempotency key within its scope (the primary key of <c>idempotency_keys</c>).</summary>
    internal readonly record struct Key(string Scope, string Value);
}
