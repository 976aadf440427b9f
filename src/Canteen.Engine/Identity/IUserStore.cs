namespace Canteen.Engine.Identity;

/// <summary>
/// Back-office accounts. Writes are rare (start-up bootstrap, an admin adding a user) and never on the ordering hot
/// path, so adapters may run them outside the order writer's group commit.
/// </summary>
public interface IUserStore
{
    /// <summary>The account with exactly this username, or null.</summary>
    Task<UserAccount?> FindUserAsync(string username, CancellationToken cancellationToken);

    /// <summary>Adds the account; returns false (and changes nothing) when the username is already taken.</summary>
    Task<bool> CreateUserAsync(UserAccount user, CancellationToken cancellationToken);

    /// <summary>How many accounts exist; 0 means a fresh database that needs its first admin.</summary>
    Task<int> CountUsersAsync(CancellationToken cancellationToken);
}
