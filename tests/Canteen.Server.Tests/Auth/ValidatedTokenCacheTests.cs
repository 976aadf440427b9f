using System.Security.Claims;
using System.Security.Cryptography;
using Canteen.Server.Auth;
using Canteen.Server.Tests.Edge;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Canteen.Server.Tests.Auth;

/// <summary>
/// A remembered token is accepted only while a full validation would accept it. Whether a call validated in full is
/// seen through the signing-key resolver, which only a full validation asks for the key.
/// </summary>
public sealed class ValidatedTokenCacheTests
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private int _fullValidations;

    private static DateTime Now => DateTime.UtcNow;

    [Fact]
    public async Task Validate_SameTokenAgain_AcceptedWithoutValidatingAgain()
    {
        var cache = new ValidatedTokenCache(16, TimeProvider.System);
        var token = Token(Now.AddMinutes(-1), Now.AddMinutes(10));

        var first = await cache.ValidateTokenAsync(token, Parameters());
        var second = await cache.ValidateTokenAsync(token, Parameters());

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, _fullValidations);
        Assert.Equal("user-admin", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Equal("admin", second.ClaimsIdentity.FindFirst("role")?.Value);
        Assert.Equal(first.SecurityToken.ValidTo, second.SecurityToken.ValidTo);
        Assert.Equal(first.SecurityToken.ValidFrom, second.SecurityToken.ValidFrom);
        Assert.Equal("canteen", second.SecurityToken.Issuer);
    }

    [Fact]
    public async Task Validate_RememberedTokenPastItsLifetime_Refused()
    {
        var cache = new ValidatedTokenCache(16, TimeProvider.System);
        var token = Token(Now.AddMinutes(-1), Now.AddSeconds(1));
        Assert.True((await cache.ValidateTokenAsync(token, Parameters(skew: TimeSpan.Zero))).IsValid);

        // exp is in whole seconds: at most two seconds until it has passed.
        await Task.Delay(TimeSpan.FromMilliseconds(2100), TestContext.Current.CancellationToken);
        var late = await cache.ValidateTokenAsync(token, Parameters(skew: TimeSpan.Zero));

        Assert.False(late.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(late.Exception);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task Validate_ClockPastTheEndAndSkew_ValidatesInFullInsteadOfRemembering()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new ValidatedTokenCache(16, clock);
        var token = Token(Now.AddMinutes(-1), Now.AddMinutes(10));
        await cache.ValidateTokenAsync(token, Parameters(skew: TimeSpan.FromMinutes(1)));

        clock.Advance(TimeSpan.FromMinutes(10.5));
        await cache.ValidateTokenAsync(token, Parameters(skew: TimeSpan.FromMinutes(1)));
        Assert.Equal(1, _fullValidations);

        clock.Advance(TimeSpan.FromMinutes(1));
        await cache.ValidateTokenAsync(token, Parameters(skew: TimeSpan.FromMinutes(1)));
        Assert.Equal(2, _fullValidations);
    }

    [Fact]
    public async Task Validate_TokensThatFail_NeverRemembered()
    {
        var cache = new ValidatedTokenCache(16, TimeProvider.System);
        var wrongKey = ForgedTokens.Admin(RandomNumberGenerator.GetBytes(32), Now.AddMinutes(-1), Now.AddMinutes(10));
        var expired = Token(Now.AddHours(-2), Now.AddHours(-1));

        foreach (var token in new[] { wrongKey, wrongKey, expired, expired, "not-a-jwt" })
        {
            Assert.False((await cache.ValidateTokenAsync(token, Parameters())).IsValid);
        }

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task Validate_TamperedCopyOfARememberedToken_Refused()
    {
        var cache = new ValidatedTokenCache(16, TimeProvider.System);
        var guest = ForgedTokens.Guest(_key, Now.AddMinutes(-1), Now.AddMinutes(10));
        Assert.True((await cache.ValidateTokenAsync(guest, Parameters())).IsValid);

        var tampered = await cache.ValidateTokenAsync(ForgedTokens.Tampered(guest), Parameters());

        Assert.False(tampered.IsValid);
        Assert.IsAssignableFrom<SecurityTokenInvalidSignatureException>(tampered.Exception);
    }

    [Fact]
    public async Task Validate_IdentityChangedByOneRequest_NextRequestGetsTheOriginal()
    {
        var cache = new ValidatedTokenCache(16, TimeProvider.System);
        var token = Token(Now.AddMinutes(-1), Now.AddMinutes(10));
        await cache.ValidateTokenAsync(token, Parameters());

        (await cache.ValidateTokenAsync(token, Parameters())).ClaimsIdentity.AddClaim(new Claim("store", "sh-jingan"));
        var next = await cache.ValidateTokenAsync(token, Parameters());

        Assert.Null(next.ClaimsIdentity.FindFirst("store"));
    }

    [Fact]
    public async Task Validate_MoreTokensThanTheSize_BoundedAndTheOneInUseStays()
    {
        var cache = new ValidatedTokenCache(8, TimeProvider.System);
        var inUse = Token(Now.AddMinutes(-1), Now.AddMinutes(10));
        await cache.ValidateTokenAsync(inUse, Parameters());

        for (var i = 0; i < 100; i++)
        {
            await cache.ValidateTokenAsync(Token(Now.AddMinutes(-1), Now.AddMinutes(10), subject: $"user-{i}"), Parameters());
            await cache.ValidateTokenAsync(inUse, Parameters());
            Assert.InRange(cache.Count, 1, 8);
        }

        Assert.Equal(101, _fullValidations);
    }

    [Fact]
    public async Task Validate_SizeZero_ValidatesEveryTimeAndRemembersNothing()
    {
        var cache = new ValidatedTokenCache(0, TimeProvider.System);
        var token = Token(Now.AddMinutes(-1), Now.AddMinutes(10));

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await cache.ValidateTokenAsync(token, Parameters())).IsValid);
        }

        Assert.Equal(3, _fullValidations);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Constructor_NegativeSize_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ValidatedTokenCache(-1, TimeProvider.System));

    private string Token(DateTime notBefore, DateTime expires, string subject = "user-admin") =>
        ForgedTokens.Admin(_key, notBefore, expires, subject: subject);

    // The server's own parameters (AuthServiceCollectionExtensions), with the key handed out by a counting resolver.
    private TokenValidationParameters Parameters(TimeSpan? skew = null) => new()
    {
        ValidIssuer = "canteen",
        ValidAudience = "canteen-api",
        IssuerSigningKeyResolver = (_, _, _, _) =>
        {
            Interlocked.Increment(ref _fullValidations);
            return [new SymmetricSecurityKey(_key)];
        },
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = skew ?? TimeSpan.FromSeconds(30),
        NameClaimType = "sub",
        RoleClaimType = "role",
    };
}
