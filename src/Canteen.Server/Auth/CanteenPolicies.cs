using Canteen.Engine.Identity;

namespace Canteen.Server.Auth;

/// <summary>
/// Authorization policies by role set. Endpoints name one; object-level rules (whose order, which store) are checked
/// again in <see cref="StoreScopeFilter"/> and <see cref="OrderAccess"/>, because a role alone says nothing about which
/// order or store.
/// </summary>
public static class CanteenPolicies
{
    /// <summary>Places orders: guests (in their token's store), staff of the store, admin.</summary>
    public const string PlaceOrders = "place-orders";

    /// <summary>Reads one order: every signed-in role (guests only their own).</summary>
    public const string ReadOrders = "read-orders";

    /// <summary>Cancels an unpaid order: its guest, staff, admin.</summary>
    public const string CancelOrders = "cancel-orders";

    /// <summary>Moves orders through the kitchen (start, ready, complete) and lists and watches a store's orders.</summary>
    public const string Kitchen = "kitchen";

    /// <summary>Manages a store's stock.</summary>
    public const string Staff = "staff";

    /// <summary>Operator tools and accounts.</summary>
    public const string Admin = "admin";

    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [PlaceOrders] = [UserRoles.Guest, UserRoles.Staff, UserRoles.Admin],
        [ReadOrders] = [UserRoles.Guest, UserRoles.Staff, UserRoles.Kitchen, UserRoles.Admin],
        [CancelOrders] = [UserRoles.Guest, UserRoles.Staff, UserRoles.Admin],
        [Kitchen] = [UserRoles.Staff, UserRoles.Kitchen, UserRoles.Admin],
        [Staff] = [UserRoles.Staff, UserRoles.Admin],
        [Admin] = [UserRoles.Admin],
    };
}
