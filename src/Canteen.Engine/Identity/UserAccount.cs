namespace Canteen.Engine.Identity;

/// <summary>
/// A signed-in user of the back office (staff, kitchen or admin). Guests have no account: their identity lives only
/// in the token they were issued. <see cref="PasswordHash"/> is opaque to storage (the edge hashes and verifies).
/// </summary>
/// <param name="Username">Unique, case-sensitive as stored; the edge normalises it to lower case first.</param>
/// <param name="PasswordHash">A salted, slow hash in the hasher's own self-describing format; never the password.</param>
/// <param name="Role">One of <see cref="UserRoles"/>: staff, kitchen or admin.</param>
/// <param name="StoreIds">The stores a staff or kitchen user works in; empty for an admin, who has every store.</param>
/// <param name="CreatedAt">When the account was created.</param>
public sealed record UserAccount(string Username, string PasswordHash, string Role, IReadOnlyList<string> StoreIds, DateTimeOffset CreatedAt);
