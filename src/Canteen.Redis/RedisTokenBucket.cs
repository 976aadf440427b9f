using System.Globalization;
using StackExchange.Redis;

namespace Canteen.Redis;

/// <summary>
/// Token buckets in Redis (one Lua script per take), so a rate limit holds across every instance of a distributed
/// deployment: a caller cannot multiply its allowance by spreading requests over instances.
/// </summary>
public sealed class RedisTokenBucket(IConnectionMultiplexer redis, string keyPrefix)
{
    private static readonly RedisScript Script = Read();

    /// <summary>Takes one token from the bucket <paramref name="key"/>.</summary>
    /// <returns>Null when a token was taken; otherwise how long until one is back.</returns>
    public async Task<TimeSpan?> TryTakeAsync(string key, int capacity, double tokensPerSecond)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tokensPerSecond, 0);
        var result = (RedisResult[])(await Script.EvaluateAsync(
            redis,
            [keyPrefix + key],
            [capacity, (tokensPerSecond / 1000).ToString("R", CultureInfo.InvariantCulture)]))!;
        return (long)result[0] == 1 ? null : TimeSpan.FromMilliseconds((long)result[1]);
    }

    private static RedisScript Read()
    {
        const string resource = "Canteen.Redis.Scripts.tokenbucket.lua";
        using var stream = typeof(RedisTokenBucket).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded script '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return new RedisScript("tokenbucket", reader.ReadToEnd());
    }
}
