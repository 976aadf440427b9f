using System.Collections.Concurrent;
using System.Diagnostics;
using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;
using Canteen.Engine.Telemetry;
using Canteen.Redis;
using StackExchange.Redis;

namespace Canteen.Integration.Tests.Inventory;

/// <summary>
/// The contract against <see cref="RedisStockAuthority"/> on a real redis-server, under a key prefix of its own. The
/// test server is a single node, so by default the Try script claims the order index itself.
/// </summary>
public class RedisStockAuthorityContractTests : SharedStockAuthorityContractTests
{
    private readonly string _prefix = "canteen-test-" + Guid.NewGuid().ToString("N");
    private IConnectionMultiplexer? _redis;

    /// <summary>How the authorities under test claim the order index (null: decided by the server, here in-script).</summary>
    protected virtual bool? ClaimOrderInScript => null;

    protected override async Task<IStockAuthority> CreateAuthorityAsync(IReadOnlyList<StockTotal> totals, IReadOnlyList<PersistedHold> holds)
    {
        _redis ??= await RedisTestServer.ConnectAsync();
        var authority = new RedisStockAuthority(_redis, new RedisStockOptions { KeyPrefix = _prefix, ClaimOrderInScript = ClaimOrderInScript });
        await authority.InitializeAsync(totals, holds, Ct);
        return authority;
    }

    protected override async ValueTask CleanupAsync()
    {
        if (_redis is not null)
        {
            await RedisTestServer.DeleteKeysAsync(_redis, _prefix);
        }
    }

    [Fact]
    public async Task TryHold_Traced_EmitsARedisClientSpanUnderTheCaller()
    {
        var stock = await CreateAsync();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CanteenTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var caller = new Activity("caller").Start();

        await stock.TryHoldAsync(Request(1, (Pork, 2)), Ct);

        // Other tests run in parallel and also emit spans: only this trace counts.
        var mine = spans.Where(a => a.TraceId == caller.TraceId).ToList();
        var span = Assert.Single(mine, a => a.DisplayName.StartsWith("EVALSHA ", StringComparison.Ordinal));
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("redis", span.GetTagItem("db.system.name"));
        Assert.Equal(caller.SpanId, span.ParentSpanId);
    }

    [Fact]
    public async Task TryHold_ServerLostItsScripts_ReloadsAndSucceeds()
    {
        var stock = await CreateAsync();
        foreach (var server in _redis!.GetServers())
        {
            // SCRIPT FLUSH is what a restart or failover does to the cache; the authority must not depend on it.
            await server.ExecuteAsync("SCRIPT", "FLUSH");
        }

        var result = await stock.TryHoldAsync(Request(1, (Pork, 2)), Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(48, (await LevelAsync(stock, Pork)).Available);
    }

    [Fact]
    public async Task Keys_OfOneStore_ShareTheStoresHashTag()
    {
        var stock = await CreateAsync();
        await stock.TryHoldAsync(Request(1, (Pork, 2)), Ct);
        await stock.ConfirmAsync(1, Ct);

        var keys = new List<string>();
        foreach (var server in _redis!.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: _prefix + ":*"))
            {
                keys.Add(key.ToString());
            }
        }

        var storeKeys = keys.Where(k => !k.StartsWith(_prefix + ":order:", StringComparison.Ordinal)).ToList();
        Assert.Contains($"{_prefix}:{{{Store}}}:stock:{Pork}", storeKeys);
        Assert.Contains($"{_prefix}:{{{Store}}}:hold:1", storeKeys);
        Assert.All(storeKeys, k => Assert.StartsWith($"{_prefix}:{{{Store}}}:", k, StringComparison.Ordinal));
    }
}
