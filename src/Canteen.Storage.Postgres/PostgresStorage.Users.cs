using Canteen.Engine.Identity;
using Canteen.Engine.Ordering;

namespace Canteen.Storage.Postgres;

/// <summary>Accounts and the unpaid-order count, beside the order ports.</summary>
public sealed partial class PostgresStorage : IUserStore, IUnpaidOrderCounter
{
    public Task<UserAccount?> FindUserAsync(string username, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _users.FindAsync(username, cancellationToken);
    }

    /// <summary>Not through the batched order writer: accounts are rare and their statement commits on its own.</summary>
    public Task<bool> CreateUserAsync(UserAccount user, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _users.InsertAsync(user, cancellationToken);
    }

    public Task<int> CountUsersAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _users.CountAsync(cancellationToken);
    }

    /// <summary>Every placement asks while the guest cap is on (the default), so concurrent counts share one query.</summary>
    public Task<int> CountUnpaidOrdersAsync(string ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ownerId);
        ThrowIfDisposed();
        return _unpaidCounts.ReadAsync(ownerId, cancellationToken);
    }
}
