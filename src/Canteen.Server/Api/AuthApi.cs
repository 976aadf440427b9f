using Canteen.Core.Shared;
using Canteen.Engine.Catalog;
using Canteen.Engine.Errors;
using Canteen.Engine.Identity;
using Canteen.Server.Api.Contracts;
using Canteen.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Canteen.Server.Api;

/// <summary>
/// Identity (API.md): guest tokens bound to a store and table, back-office sign-in, and refresh. A token is
/// re-issued by <c>POST /auth/refresh</c> while it is still valid (same identity, new expiry); once expired, a guest
/// asks <c>/auth/guest</c> again (a new identity) and a user signs in again.
/// </summary>
public static class AuthApi
{
    private const int MaxTableLength = 16;

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/auth").WithTags("Identity");
        group.MapPost("/guest", IssueGuest).WithName("IssueGuestToken").AllowAnonymous();
        group.MapPost("/token", SignIn).WithName("SignIn").AllowAnonymous();
        group.MapPost("/refresh", Refresh).WithName("RefreshToken").RequireAuthorization();
        return routes;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueGuest(
        HttpContext context, MenuCache menus, TokenIssuer issuer, CancellationToken cancellationToken)
    {
        var (request, problem) = await RequestBody.ReadAsync(context, EdgeJsonContext.Default.GuestTokenRequest, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        if (request.StoreId is not { Length: > 0 } storeId || !menus.TryGet(storeId, out _))
        {
            return Problems.From(Failure.Invalid([new ValidationError("storeId", "An existing store id.")], unprocessable: true), context);
        }

        if (request.Table is { } table && (table.Length is 0 or > MaxTableLength || table.Any(char.IsControl)))
        {
            return Problems.From(Failure.Invalid([new ValidationError("table", $"1-{MaxTableLength} printable characters.")]), context);
        }

        return TypedResults.Ok(ToResponse(issuer.IssueGuest(storeId, request.Table)));
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> SignIn(
        HttpContext context, IUserStore users, TokenIssuer issuer, CancellationToken cancellationToken)
    {
        var (request, problem) = await RequestBody.ReadAsync(context, EdgeJsonContext.Default.SignInRequest, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        if (request.Username is null || request.Password is not { Length: > 0 and <= AccountRules.MaxPasswordLength } password)
        {
            return Problems.From(Failure.Invalid([new ValidationError("$", "username and password are required.")]), context);
        }

        var username = request.Username.Trim().ToLowerInvariant();
        var user = AccountRules.IsValidUsername(username) ? await users.FindUserAsync(username, cancellationToken) : null;

        // One answer for an unknown user and a wrong password, so sign-in does not reveal which usernames exist.
        return PasswordHashing.Verify(user, password)
            ? TypedResults.Ok(ToResponse(issuer.IssueUser(user!)))
            : Problems.Of(FailureCodes.Unauthorized, "Unknown username or wrong password.", context);
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Refresh(
        HttpContext context, IUserStore users, TokenIssuer issuer, CancellationToken cancellationToken)
    {
        if (Caller.IsGuest(context.User))
        {
            return TypedResults.Ok(ToResponse(issuer.Reissue(context.User)));
        }

        // An account is read again, so a changed role or store list (or a removed account) takes effect at refresh.
        var name = context.User.FindFirst(CanteenClaims.Name)?.Value;
        var user = name is null ? null : await users.FindUserAsync(name, cancellationToken);
        return user is null
            ? Problems.Of(FailureCodes.Unauthorized, "The account no longer exists.", context)
            : TypedResults.Ok(ToResponse(issuer.IssueUser(user)));
    }

    private static TokenResponse ToResponse(IssuedToken token) => new(token.AccessToken, "Bearer", token.ExpiresIn);
}
