using System.Security.Claims;
using Canteen.Engine.Identity;

namespace Canteen.Server.Auth;

/// <summary>What a validated token says about its bearer: role and the stores it may act in.</summary>
public static class Caller
{
    public static string? RoleOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true ? user.FindFirst(CanteenClaims.Role)?.Value : null;
    }

    public static bool IsAdmin(ClaimsPrincipal user) => RoleOf(user) == UserRoles.Admin;

    public static bool IsGuest(ClaimsPrincipal user) => RoleOf(user) == UserRoles.Guest;

    /// <summary>
    /// Whether the caller may act in <paramref name="storeId"/>: an admin anywhere, a guest only in the store its token
    /// is bound to, staff and kitchen in the stores of their account.
    /// </summary>
    // Asked on every store route: HasClaim compares values ordinally, without the predicate and iterators FindAll needs.
    public static bool MayActIn(ClaimsPrincipal user, string storeId) =>
        IsAdmin(user) || user.HasClaim(CanteenClaims.Store, storeId);
}
