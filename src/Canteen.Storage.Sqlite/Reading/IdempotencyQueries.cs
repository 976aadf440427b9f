using Canteen.Engine.Idempotency;

using Canteen.Engine.Storage;

namespace Canteen.Storage.Sqlite.Reading;

/// <summary>Looks up stored idempotency records; a key the filter has never seen is answered without reading.</summary>
internal sealed class IdempotencyQueries(SqliteConnections connections, IdempotencyFilter filter)
{
    public async Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(key);
        if (!filter.MightContain(scope, key))
        {
            return null;
        }

        await using var connection = await connections.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT request_hash, status_code, location, body, created_at FROM idempotency_keys WHERE scope = $scope AND key = $key;";
        command.Parameters.AddWithValue("$scope", scope);
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new IdempotencyRecord(
            scope,
            key,
            reader.GetString(0),
            reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? [] : reader.GetFieldValue<byte[]>(3),
            StoredValues.FromTicks(reader.GetInt64(4)));
    }

    public Task<bool> AnyCreatedBeforeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken) =>
        connections.AnyAsync("FROM idempotency_keys WHERE created_at < $p", StoredValues.ToTicks(createdBefore), cancellationToken);
}
