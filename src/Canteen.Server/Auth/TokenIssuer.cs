using System.Security.Claims;
using System.Security.Cryptography;
using Canteen.Engine.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Canteen.Server.Auth;

/// <summary>
/// Signs access tokens (HS256, issuer and audience of <see cref="AuthOptions"/>) with times from
/// <see cref="TimeProvider"/>. The options are read once, as the bearer validation reads them: an issuer or audience
/// changed in a live file must not make new tokens that the running validation refuses.
/// </summary>
public sealed class TokenIssuer(SigningKeyProvider keys, IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>A new guest identity bound to a store (and table): nobody else can act on its orders.</summary>
    public IssuedToken IssueGuest(string storeId, string? table)
    {
        var claims = new List<Claim>
        {
            new(CanteenClaims.Subject, "guest-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))),
            new(CanteenClaims.Role, UserRoles.Guest),
            new(CanteenClaims.Store, storeId),
        };
        if (!string.IsNullOrEmpty(table))
        {
            claims.Add(new Claim(CanteenClaims.Table, table));
        }

        return Issue(claims, options.Value.GuestTokenLifetime);
    }

    public IssuedToken IssueUser(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(CanteenClaims.Subject, "user-" + user.Username),
            new(CanteenClaims.Name, user.Username),
            new(CanteenClaims.Role, user.Role),
        };
        claims.AddRange(user.StoreIds.Select(s => new Claim(CanteenClaims.Store, s)));
        return Issue(claims, options.Value.StaffTokenLifetime);
    }

    /// <summary>A fresh token for the same guest identity (same subject, store and table), for the refresh path.</summary>
    public IssuedToken Reissue(ClaimsPrincipal guest)
    {
        ArgumentNullException.ThrowIfNull(guest);
        var keep = guest.Claims
            .Where(c => c.Type is CanteenClaims.Subject or CanteenClaims.Role or CanteenClaims.Store or CanteenClaims.Table)
            .Select(c => new Claim(c.Type, c.Value))
            .ToList();
        return Issue(keep, options.Value.GuestTokenLifetime);
    }

    private IssuedToken Issue(List<Claim> claims, TimeSpan lifetime)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        claims.Add(new Claim(CanteenClaims.TokenId, Guid.NewGuid().ToString("N")));
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, (int)lifetime.TotalSeconds);
    }
}
