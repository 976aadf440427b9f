using System.Globalization;
using System.Threading.RateLimiting;
using Canteen.Engine.Errors;
using Canteen.Server.Api;
using Canteen.Server.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace Canteen.Server.Edge;

/// <summary>
/// ASP.NET Core's rate limiter as one global chain: a concurrency limit for the instance, then token buckets per
/// caller and per store on order placement and per client address on token requests. Rejections are problems:
/// 429 <c>rate_limited</c> with <c>Retry-After</c> from a bucket, 503 <c>overloaded</c> from the concurrency limit.
/// Order admission runs before all of this, in <see cref="OrderAdmission"/>.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddCanteenRateLimits(this IServiceCollection services, IConfiguration config)
    {
        // Nothing reads these options: the registration is there so StartupConfiguration binds the section at start
        // and a bad value stops the process. The live limits, reloads included, come from LimitsState.
        services.Configure<LimitsOptions>(config.GetSection(LimitsOptions.Section));
        services.AddSingleton<LimitsState>();
        services.AddSingleton<UnpaidOrderGuard>();
        services.AddSingleton<DistributedCallerLimit>();
        services.AddSingleton<OrderAdmission>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<LimitsState>((o, state) =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(c => Concurrency(c, state)),
                PartitionedRateLimiter.Create<HttpContext, string>(c => PerCaller(c, state)),
                PartitionedRateLimiter.Create<HttpContext, string>(c => PerStore(c, state)),
                PartitionedRateLimiter.Create<HttpContext, string>(c => Auth(c, state)));
            o.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Concurrency(HttpContext context, LimitsState state)
    {
        var path = context.Request.Path;
        var options = state.Current;

        // Event streams live for minutes and would hold a slot each; health and metrics must answer most when busy.
        if (options.ConcurrencyLimit <= 0 || EndpointName(context) == "StreamStoreEvents"
            || path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics"))
        {
            return RateLimitPartition.GetNoLimiter("-");
        }

        return RateLimitPartition.GetConcurrencyLimiter("v" + state.Version.ToString(CultureInfo.InvariantCulture), _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = options.ConcurrencyLimit,
            QueueLimit = Math.Max(0, options.ConcurrencyQueueLimit),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    private static RateLimitPartition<string> PerCaller(HttpContext context, LimitsState state)
    {
        var options = state.Current;
        return EndpointName(context) == "PlaceOrder" && !options.UsesRedis
            ? Bucket("caller", CallerKey(context), options.PerCaller, state.Version)
            : RateLimitPartition.GetNoLimiter("-");
    }

    private static RateLimitPartition<string> PerStore(HttpContext context, LimitsState state) =>
        EndpointName(context) == "PlaceOrder" && context.Request.RouteValues["storeId"] is string store
            ? Bucket("store", store, state.Current.PerStore, state.Version)
            : RateLimitPartition.GetNoLimiter("-");

    private static RateLimitPartition<string> Auth(HttpContext context, LimitsState state) =>
        EndpointName(context) is "IssueGuestToken" or "SignIn"
            ? Bucket("auth", context.Connection.RemoteIpAddress?.ToString() ?? "-", state.Current.Auth, state.Version)
            : RateLimitPartition.GetNoLimiter("-");

    /// <summary>The token subject, or the client address for a caller without one.</summary>
    public static string CallerKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.FindFirst(CanteenClaims.Subject)?.Value ?? "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "-");
    }

    private static RateLimitPartition<string> Bucket(string kind, string key, BucketOptions bucket, int version)
    {
        if (!bucket.Enabled)
        {
            return RateLimitPartition.GetNoLimiter("-");
        }

        return RateLimitPartition.GetTokenBucketLimiter(
            string.Create(CultureInfo.InvariantCulture, $"{kind}:{version}:{key}"),
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = bucket.TokenLimit,
                TokensPerPeriod = bucket.TokensPerPeriod,
                ReplenishmentPeriod = bucket.ReplenishmentPeriod,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
    }

    internal static string? EndpointName(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;

        // Only buckets know when a token comes back; a full concurrency queue says "busy", not "you, slow down".
        var failure = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? new Failure(FailureCodes.RateLimited, "Too many requests; retry after the time in Retry-After.") { RetryAfter = retryAfter }
            : new Failure(FailureCodes.Overloaded, "The server is busy; retry shortly.") { RetryAfter = TimeSpan.FromSeconds(1) };
        await Problems.From(failure, http).ExecuteAsync(http);
    }
}
