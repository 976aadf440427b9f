using System.Security.Claims;

namespace Canteen.Server.Api;

/// <summary>
/// Who is calling: the token subject (<c>sub</c>; JWT inbound claim mapping is off, so it keeps its name) when signed
/// in, otherwise <c>anonymous</c>. Idempotency keys and order ownership are scoped by it.
/// </summary>
internal static class CallerIdentity
{
    public const string Anonymous = "anonymous";

    public static string Of(HttpContext context) =>
        context.User.FindFirstValue(Auth.CanteenClaims.Subject) ?? Anonymous;
}
