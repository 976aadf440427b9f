using System.Text.RegularExpressions;
using Canteen.Core.Shared;
using Canteen.Engine.Catalog;
using Canteen.Engine.Identity;
using Canteen.Server.Api.Contracts;

namespace Canteen.Server.Auth;

/// <summary>What a new account must look like (admin-created or bootstrapped).</summary>
public static partial class AccountRules
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 128;

    public static bool IsValidUsername(string? username) => username is not null && UsernamePattern().IsMatch(username);

    public static List<ValidationError> Validate(CreateUserRequest request, MenuCache menus)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(menus);
        var errors = new List<ValidationError>();
        if (!IsValidUsername(request.Username))
        {
            errors.Add(new ValidationError("username", "3-64 characters: lower-case letters, digits, '.', '_' or '-'."));
        }

        if (request.Password is not { Length: >= MinPasswordLength and <= MaxPasswordLength })
        {
            errors.Add(new ValidationError("password", $"{MinPasswordLength}-{MaxPasswordLength} characters."));
        }

        if (!UserRoles.IsAccountRole(request.Role))
        {
            errors.Add(new ValidationError("role", "One of staff, kitchen, admin."));
        }
        else if (request.Role != UserRoles.Admin)
        {
            var stores = request.StoreIds ?? [];
            if (stores.Count is 0 or > 100 || stores.Any(s => s is null || !menus.TryGet(s, out _)))
            {
                errors.Add(new ValidationError("storeIds", "Staff and kitchen users need 1-100 existing store ids."));
            }
        }

        return errors;
    }

    [GeneratedRegex("^[a-z0-9._-]{3,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();
}
