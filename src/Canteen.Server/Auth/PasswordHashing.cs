using Canteen.Engine.Identity;
using Microsoft.AspNetCore.Identity;

namespace Canteen.Server.Auth;

/// <summary>
/// ASP.NET Core Identity's password hasher (PBKDF2-HMAC-SHA512, 100,000 iterations, random salt, constant-time
/// comparison, a versioned format that can be upgraded later).
/// </summary>
public static class PasswordHashing
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Verifying a made-up hash when the user does not exist costs the same as a real check, so the response time does
    // not tell an attacker which usernames exist.
    private static readonly string DummyHash = Hasher.HashPassword(null!, "not-a-real-password");

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool Verify(UserAccount? user, string password)
    {
        var result = Hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DummyHash, password);
        return user is not null && result != PasswordVerificationResult.Failed;
    }
}
