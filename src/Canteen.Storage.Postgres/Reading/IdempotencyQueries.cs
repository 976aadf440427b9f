using Canteen.Engine.Idempotency;
using Npgsql;

using Canteen.Engine.Storage;

namespace Canteen.Storage.Postgres.Reading;

/// <summary>Looks up stored idempotency records.</summary>
internal sealed class IdempotencyQueries(NpgsqlDataSource dataSource)
{
    public async Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(key);
        await using var command = dataSource.CreateCommand(
            "SELECT request_hash, status_code, location, body, created_at FROM idempotency_keys WHERE scope = $1 AND key = $2;");
        command.Parameters.Add(Parameters.Of(scope));
        command.Parameters.Add(Parameters.Of(key));
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
            reader.GetFieldValue<byte[]>(3),
            StoredValues.FromTicks(reader.GetInt64(4)));
    }

    public async Task<bool> AnyCreatedBeforeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM idempotency_keys WHERE created_at < $1);");
        command.Parameters.Add(Parameters.Of(StoredValues.ToTicks(createdBefore)));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
