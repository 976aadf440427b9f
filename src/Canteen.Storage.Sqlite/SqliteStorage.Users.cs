using Canteen.Engine.Identity;
using Canteen.Engine.Ordering;
using Canteen.Storage.Sqlite.Identity;

namespace Canteen.Storage.Sqlite;

/// <summary>Accounts and the unpaid-order count, beside the order ports.</summary>
public sealed partial class SqliteStorage : IUserStore, IUnpaidOrderCounter
{
    // A stateless wrapper over the shared connection factory; made on use so the main file's constructor stays as it is.
    private UserQueries Users => new(_connections);

    public Task<UserAccount?> FindUserAsync(string username, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return Users.FindAsync(username, cancellationToken);
    }

    /// <summary>
    /// Runs on the one write connection, between group commits: a second writer would only queue on SQLite's file
    /// lock, and sharing the connection keeps "one writer per file" literally true.
    /// </summary>
    public Task<bool> CreateUserAsync(UserAccount user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        return _writer.RunAsync((connection, transaction) => UserQueries.Insert(connection, transaction, user), cancellationToken);
    }

    public Task<int> CountUsersAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return Users.CountAsync(cancellationToken);
    }

    /// <summary>From memory (<see cref="UnpaidCounts"/>): this process commits every change to the file.</summary>
    public Task<int> CountUnpaidOrdersAsync(string ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ownerId);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_unpaid.Of(ownerId));
    }
}
