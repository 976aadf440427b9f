namespace Canteen.Server.Edge;

/// <summary>
/// Cross-origin requests are refused unless the origin is listed in <c>Canteen:Cors:AllowedOrigins</c> (none by
/// default: the guest pages are served from the same origin). Listed origins may send the Authorization and
/// Idempotency-Key headers; no cookies are involved, so credentials stay off.
/// </summary>
public static class CorsSetup
{
    public const string Section = "Canteen:Cors:AllowedOrigins";

    public static IServiceCollection AddCanteenCors(this IServiceCollection services, IConfiguration config) =>
        services.AddCors(o => o.AddDefaultPolicy(p =>
        {
            var origins = config.GetSection(Section).Get<string[]>() ?? [];
            p.WithOrigins(origins)
                .WithMethods("GET", "POST", "PUT")
                .WithHeaders("Authorization", "Content-Type", "Idempotency-Key", "If-Match")
                .WithExposedHeaders("Location", "ETag", "Retry-After");
        }));
}
