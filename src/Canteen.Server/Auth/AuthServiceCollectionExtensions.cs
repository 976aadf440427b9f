using Canteen.Server.Api.Contracts;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Canteen.Server.Auth;

/// <summary>JWT bearer authentication, role policies and the bootstrap admin.</summary>
public static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddCanteenAuth(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AuthOptions>()
            .Bind(config.GetSection(AuthOptions.Section))
            .Validate(o => o.ValidatedTokenCacheSize >= 0, $"{AuthOptions.Section}:ValidatedTokenCacheSize must be 0 (off) or a positive number of tokens.");
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<TokenIssuer>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Add(EdgeJsonContext.Default));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();

        // Configured from services (not at registration), so the key and options come from the final configuration.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyProvider, IOptions<AuthOptions>, TimeProvider>((jwt, keys, auth, time) =>
            {
                var settings = auth.Value;
                jwt.MapInboundClaims = false;

                // Nothing reads the raw token back from the authentication properties; storing it cost allocations on
                // every authenticated request.
                jwt.SaveToken = false;
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new ValidatedTokenCache(settings.ValidatedTokenCacheSize, time));
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = keys.Key,

                    // Only HS256: "none" and any asymmetric algorithm a forged header asks for are refused outright.
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    ClockSkew = settings.ClockSkew,
                    NameClaimType = CanteenClaims.Subject,
                    RoleClaimType = CanteenClaims.Role,
                };
            });

        services.AddAuthorization(o =>
        {
            foreach (var (policy, roles) in CanteenPolicies.Roles)
            {
                o.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
            }

            // Secure by default: an endpoint nobody gave a rule needs a signed-in caller; public ones say AllowAnonymous.
            o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        services.AddHostedService<IdentityBootstrap>();
        return services;
    }
}
