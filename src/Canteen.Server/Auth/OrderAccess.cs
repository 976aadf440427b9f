using System.Globalization;
using System.Security.Claims;
using Canteen.Core.Ordering;
using Canteen.Engine.Errors;

namespace Canteen.Server.Auth;

/// <summary>
/// Object-level authorization on order ids. A caller who may not see an order gets exactly what a caller asking for
/// a missing id gets (404 <c>not_found</c>), so ids cannot be probed for existence: guests see only the orders they
/// created, staff and kitchen only their stores' orders.
/// </summary>
public static class OrderAccess
{
    public static void EnsureVisible(ClaimsPrincipal user, Order order)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(order);
        var visible = Caller.IsGuest(user)
            ? string.Equals(order.OwnerId, user.FindFirst(CanteenClaims.Subject)?.Value, StringComparison.Ordinal)
            : Caller.MayActIn(user, order.StoreId);
        if (!visible)
        {
            throw new FailureException(Failure.NotFound($"Order {order.Id.ToString(CultureInfo.InvariantCulture)}"));
        }
    }
}
