using Canteen.Engine.Errors;
using Canteen.Redis;
using Canteen.Server.Api;
using StackExchange.Redis;

namespace Canteen.Server.Edge;

/// <summary>
/// The per-caller order bucket when <c>Canteen:Limits:Store=redis</c>: an endpoint filter on order placement that
/// takes a token from Redis. If Redis cannot be reached the request is let through (and logged): a broken limiter
/// must not stop every order, and the in-process per-store bucket and concurrency limit still apply.
/// </summary>
public sealed partial class DistributedCallerLimit(LimitsState limits, IConfiguration configuration, ILogger<DistributedCallerLimit> logger)
    : IEndpointFilter, IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _redis;
    private RedisTokenBucket? _bucket;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var options = limits.Current;
        if (!options.UsesRedis || !options.PerCaller.Enabled)
        {
            return await next(context);
        }

        var http = context.HttpContext;
        try
        {
            var bucket = await BucketAsync(options);
            var wait = await bucket.TryTakeAsync(
                "caller:" + RateLimits.CallerKey(http), options.PerCaller.TokenLimit, options.PerCaller.TokensPerSecond);
            if (wait is { } retryAfter)
            {
                return Problems.From(
                    new Failure(FailureCodes.RateLimited, "Too many orders from this caller; retry after the time in Retry-After.") { RetryAfter = retryAfter },
                    http);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnavailable(logger, ex);
        }

        return await next(context);
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        _connecting.Dispose();
    }

    private async Task<RedisTokenBucket> BucketAsync(LimitsOptions options)
    {
        if (Volatile.Read(ref _bucket) is { } ready)
        {
            return ready;
        }

        await _connecting.WaitAsync();
        try
        {
            if (_bucket is null)
            {
                var connection = options.RedisConfiguration ?? configuration["Canteen:Redis:Configuration"]
                    ?? throw new InvalidConfigurationException("Canteen:Limits:Store is 'redis' but neither Canteen:Limits:RedisConfiguration nor Canteen:Redis:Configuration is set.");
                _redis = await ConnectionMultiplexer.ConnectAsync(connection);
                Volatile.Write(ref _bucket, new RedisTokenBucket(_redis, options.RedisKeyPrefix));
            }

            return _bucket;
        }
        finally
        {
            _connecting.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Redis rate limit store is unavailable; letting the request through")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
