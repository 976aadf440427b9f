using System.Security.Claims;

namespace Canteen.Server.Api;

/// <summary>
/// Who is calling: the token subject when signed in, otherwise <c>anonymous</c>. Idempotency keys and order
/// ownership are scoped by it.
/// </summary>
internal static class CallerIdentity
{
    public const string Anonymous = "anonymous";

    public static string Of(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.User.FindFirstValue("sub") ?? Anonymous;
}
