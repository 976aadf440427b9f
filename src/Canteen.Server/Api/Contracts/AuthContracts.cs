namespace Canteen.Server.Api.Contracts;

/// <summary>The body of <c>POST /auth/guest</c>: the store (and table) the guest's token is bound to.</summary>
public sealed record GuestTokenRequest(string? StoreId, string? Table);

/// <summary>The body of <c>POST /auth/token</c>: a back-office sign-in.</summary>
public sealed record SignInRequest(string? Username, string? Password);

/// <summary>Every token endpoint answers with this; <c>expiresIn</c> is in seconds.</summary>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

/// <summary>The body of <c>POST /admin/users</c>; <c>storeIds</c> is required for staff and kitchen, ignored for admin.</summary>
public sealed record CreateUserRequest(string? Username, string? Password, string? Role, IReadOnlyList<string>? StoreIds);

/// <summary>An account as the API shows it: never its password hash.</summary>
public sealed record UserDto(string Username, string Role, IReadOnlyList<string> StoreIds);
