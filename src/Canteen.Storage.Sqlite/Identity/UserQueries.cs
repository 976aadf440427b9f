using Canteen.Engine.Identity;
using Microsoft.Data.Sqlite;

using Canteen.Engine.Storage;

namespace Canteen.Storage.Sqlite.Identity;

/// <summary>Reads accounts on pooled read connections.</summary>
internal sealed class UserQueries(SqliteConnections connections)
{
    public async Task<UserAccount?> FindAsync(string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(username);
        await using var connection = await connections.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT username, password_hash, role, store_ids, created_at FROM users WHERE username = $username;";
        command.Parameters.AddWithValue("$username", username);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var stores = reader.GetString(3);
        return new UserAccount(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            stores.Length == 0 ? [] : stores.Split(','),
            StoredValues.FromTicks(reader.GetInt64(4)));
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM users;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs on the adapter's write connection (see <see cref="Writing.SqliteWriter.RunAsync{T}"/>).</summary>
    public static bool Insert(SqliteConnection connection, SqliteTransaction transaction, UserAccount user)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO users (username, password_hash, role, store_ids, created_at) VALUES ($username, $hash, $role, $stores, $created) " +
            "ON CONFLICT (username) DO NOTHING;";
        command.Parameters.AddWithValue("$username", user.Username);
        command.Parameters.AddWithValue("$hash", user.PasswordHash);
        command.Parameters.AddWithValue("$role", user.Role);
        command.Parameters.AddWithValue("$stores", string.Join(',', user.StoreIds));
        command.Parameters.AddWithValue("$created", StoredValues.ToTicks(user.CreatedAt));
        return command.ExecuteNonQuery() == 1;
    }
}
