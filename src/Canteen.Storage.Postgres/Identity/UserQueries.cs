using Canteen.Engine.Identity;
using Npgsql;

using Canteen.Engine.Storage;

namespace Canteen.Storage.Postgres.Identity;

/// <summary>Accounts and the unpaid-order count, each one statement on the shared pool.</summary>
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

    public async Task<int> CountUnpaidAsync(string ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ownerId);
        await using var command = dataSource.CreateCommand(
            "SELECT COUNT(*) FROM orders WHERE owner_id = $1 AND status IN ('created', 'paying');");
        command.Parameters.Add(Parameters.Of(ownerId));
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
