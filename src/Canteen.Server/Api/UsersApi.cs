using Canteen.Engine.Catalog;
using Canteen.Engine.Errors;
using Canteen.Engine.Identity;
using Canteen.Server.Api.Contracts;
using Canteen.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Canteen.Server.Api;

/// <summary>Back-office accounts (admin only): an admin adds staff, kitchen and other admin users.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/admin/users", CreateUser).WithTags("Admin").WithName("CreateUser").RequireAuthorization(CanteenPolicies.Admin);
        return routes;
    }

    private static async Task<Results<Created<UserDto>, ProblemHttpResult>> CreateUser(
        HttpContext context, MenuCache menus, IUserStore users, TimeProvider time, CancellationToken cancellationToken)
    {
        var (request, problem) = await RequestBody.ReadAsync(context, EdgeJsonContext.Default.CreateUserRequest, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        var errors = AccountRules.Validate(request, menus);
        if (errors.Count > 0)
        {
            return Problems.From(Failure.Invalid(errors, unprocessable: true), context);
        }

        var stores = request.Role == UserRoles.Admin ? [] : request.StoreIds!.Distinct(StringComparer.Ordinal).ToList();
        var user = new UserAccount(request.Username!, PasswordHashing.Hash(request.Password!), request.Role!, stores, time.GetUtcNow());
        if (!await users.CreateUserAsync(user, CancellationToken.None))
        {
            return Problems.From(Failure.Invalid([new("username", "This username is taken.")], unprocessable: true), context);
        }

        return TypedResults.Created("/api/v1/admin/users/" + user.Username, new UserDto(user.Username, user.Role, user.StoreIds));
    }
}
