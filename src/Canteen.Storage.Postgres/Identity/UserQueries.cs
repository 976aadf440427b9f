using Canteen.Engine.Identity;
using Npgsql;

using Canteen.Engine.Storage;

namespace Canteen.Storage.Postgres.Identity;

/// <summary>Accounts and unpaid-order counts, each one statement on the shared pool.</summary>
internal sealed class UserQueries(NpgsqlDataSource dataSource)
{
    public async Task<UserAccount?> FindAsync(string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(username);
        await using var command = dataSource.CreateCommand(
            "SELECT username, password_hash, role, store_ids, created_at FROM users WHERE username = $1;");
        command.Parameters.Add(Parameters.Of(username));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new UserAccount(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetFieldValue<string[]>(3),
            StoredValues.FromTicks(reader.GetInt64(4)));
    }

    /// <summary>
    /// ON CONFLICT makes two instances bootstrapping the same empty database at once safe: one insert wins, the other
    /// reports "taken" instead of failing start-up.
    /// </summary>
    public async Task<bool> InsertAsync(UserAccount user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO users (username, password_hash, role, store_ids, created_at) VALUES ($1, $2, $3, $4, $5) " +
            "ON CONFLICT (username) DO NOTHING;");
        command.Parameters.Add(Parameters.Of(user.Username));
        command.Parameters.Add(Parameters.Of(user.PasswordHash));
        command.Parameters.Add(Parameters.Of(user.Role));
        command.Parameters.Add(Parameters.Of(user.StoreIds.ToArray()));
        command.Parameters.Add(Parameters.Of(StoredValues.ToTicks(user.CreatedAt)));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT COUNT(*) FROM users;");
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    // One count per owner, each from the partial index of unpaid orders: the LATERAL keeps a generic plan made on an
    // empty table from turning it into one scan of the whole table for all owners.
    internal const string CountUnpaidManySql = """
        SELECT q.owner_id, c.n
        FROM unnest($1::text[]) AS q(owner_id)
        CROSS JOIN LATERAL (
            SELECT count(*) AS n FROM orders o WHERE o.owner_id = q.owner_id AND o.status IN ('created', 'paying')) AS c;
        """;

    /// <summary>Each owner's orders waiting for payment (created or paying).</summary>
    public async Task<Dictionary<string, int>> CountUnpaidManyAsync(IReadOnlyList<string> ownerIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CountUnpaidManySql);
        command.Parameters.Add(Parameters.Of(ownerIds.ToArray()));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return counts;
    }
}
