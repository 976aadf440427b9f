using System.Diagnostics;
using Canteen.Engine.Telemetry;
using StackExchange.Redis;

namespace Canteen.Redis;

/// <summary>
/// One Lua script, loaded once with SCRIPT LOAD and then run by its SHA with EVALSHA, so the hot path sends a
/// 40-byte digest instead of the source. If a server has lost its script cache (restart, failover, SCRIPT FLUSH)
/// the NOSCRIPT reply makes it load again and retry once.
/// </summary>
internal sealed class RedisScript(string name, string source)
{
    private byte[]? _sha;

    public string Name { get; } = name;

    public string Source { get; } = source;

    /// <summary>The SHA-1 digest Redis knows the script by, as hex (for redis-benchmark); loads it if needed.</summary>
    public async Task<string> GetShaAsync(IConnectionMultiplexer redis) =>
        Convert.ToHexStringLower(Volatile.Read(ref _sha) ?? await LoadAsync(redis));

    /// <summary>Loads the script on every primary (a cluster runs scripts on the node that owns their keys).</summary>
    public async Task<byte[]> LoadAsync(IConnectionMultiplexer redis)
    {
        byte[]? sha = null;
        foreach (var server in redis.GetServers())
        {
            if (server.IsConnected && !server.IsReplica)
            {
                sha = await server.ScriptLoadAsync(Source);
            }
        }

        if (sha is null)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, $"No connected Redis primary to load script '{Name}' on.");
        }

        Volatile.Write(ref _sha, sha);
        return sha;
    }

    public async Task<RedisResult> EvaluateAsync(IConnectionMultiplexer redis, RedisKey[] keys, RedisValue[] args)
    {
        // A client span per script run: the StackExchange.Redis instrumentation package is not available here, and
        // every Redis call of the stock authority goes through this one method, so this covers them all.
        using var activity = CanteenTelemetry.Source.StartActivity("EVALSHA " + Name, ActivityKind.Client);
        activity?.SetTag("db.system.name", "redis");
        activity?.SetTag("db.operation.name", "EVALSHA");
        activity?.SetTag("db.stored_procedure.name", Name);
        var sha = Volatile.Read(ref _sha) ?? await LoadAsync(redis);
        var database = redis.GetDatabase();
        try
        {
            return await database.ScriptEvaluateAsync(sha, keys, args);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            return await database.ScriptEvaluateAsync(await LoadAsync(redis), keys, args);
        }
        catch (Exception e)
        {
            activity?.RecordError(e);
            throw;
        }
    }
}
