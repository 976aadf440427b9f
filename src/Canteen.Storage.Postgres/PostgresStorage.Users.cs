using Canteen.Engine.Identity;
using Canteen.Engine.Ordering;
using Canteen.Storage.Postgres.Identity;

namespace Canteen.Storage.Postgres;

/// <summary>Accounts and the unpaid-order count, beside the order ports.</summary>
public sealed partial class PostgresStorage : IUserStore, IUnpaidOrderCounter
{
    // A stateless wrapper over the shared pool; made on use so the main file's constructor stays as it is.
    private UserQueries Users => new(_dataSource);

    public Task<UserAccount?> FindUserAsync(string username, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return Users.FindAsync(username, cancellationToken);
    }

    /// <summary>Not through the batched order writer: accounts are rare and their statement commits on its own.</summary>
    public Task<bool> CreateUserAsync(UserAccount user, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return Users.InsertAsync(user, cancellationToken);
    }

    public Task<int> CountUsersAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return Users.CountAsync(cancellationToken);
    }

    public Task<int> CountUnpaidOrdersAsync(string ownerId, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return Users.CountUnpaidAsync(ownerId, cancellationToken);
    }
}
