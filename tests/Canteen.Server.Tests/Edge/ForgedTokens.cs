using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Canteen.Server.Tests.Edge;

/// <summary>Tokens that differ from a valid admin token in exactly one respect: key, times, algorithm, bytes.</summary>
public static class ForgedTokens
{
    public static string Admin(
        byte[] key, DateTime notBefore, DateTime expires, string algorithm = SecurityAlgorithms.HmacSha256, string subject = "user-admin") =>
        Signed(key, notBefore, expires, algorithm, new Claim("sub", subject), new Claim("role", "admin"));

    /// <summary>A guest of store sh-jingan, as the server issues them.</summary>
    public static string Guest(byte[] key, DateTime notBefore, DateTime expires) =>
        Signed(key, notBefore, expires, SecurityAlgorithms.HmacSha256, new Claim("sub", "guest-forged"), new Claim("role", "guest"), new Claim("store", "sh-jingan"));

    /// <summary>The same claims with <c>alg: none</c> and no signature, as an attacker would hand-craft it.</summary>
    public static string Unsigned(DateTime expires)
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = new DateTimeOffset(expires).ToUnixTimeSeconds();
        return Part("""{"alg":"none","typ":"JWT"}""") + "." +
            Part($$"""{"sub":"user-admin","role":"admin","iss":"canteen","aud":"canteen-api","exp":{{exp}}}""") + ".";
    }

    /// <summary>The payload's role changed to admin after signing (the signature no longer matches).</summary>
    public static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var forged = payload.Replace("\"guest\"", "\"admin\"", StringComparison.Ordinal);
        return parts[0] + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(forged)) + "." + parts[2];
    }

    private static string Signed(byte[] key, DateTime notBefore, DateTime expires, string algorithm, params Claim[] claims) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "canteen",
            Audience = "canteen-api",
            Subject = new ClaimsIdentity(claims),
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), algorithm),
        });
}
