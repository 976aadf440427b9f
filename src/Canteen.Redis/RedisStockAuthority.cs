using System.Globalization;
using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;
using StackExchange.Redis;

namespace Canteen.Redis;

/// <summary>
/// The distributed stock authority on Redis (DESIGN §4): every step is one Lua script run with EVALSHA, so all lines
/// of an order are held or none, atomically, however many server instances share the store.
/// <para>
/// The port gives Confirm, Cancel and Return only an order id, while a hold lives under its store's hash tag; so the
/// first step of an order claims <c>{prefix}:order:{id}</c> with SET NX GET. A Try writes its store id there and runs
/// the store's script; a Cancel that comes first writes a barrier marker instead, which the late Try finds, so it
/// holds nothing. On a cluster the index lives on another slot, so a Try claims it in a command of its own before its
/// script; a Cancel that comes between the two writes a barrier in the store's hold key, which try.lua checks first.
/// On a single node try.lua makes the claim itself, in the same atomic step. Either way the late Try is barred.
/// </para>
/// </summary>
public sealed partial class RedisStockAuthority : IStockAuthority
{
    /// <summary>What a Cancel that arrives before its Try writes into the order index (never a store id).</summary>
    private const string BarrierMarker = "!";

    private readonly IConnectionMultiplexer _redis;
    private readonly IDatabase _database;
    private readonly RedisStockOptions _options;
    private readonly RedisKeys _keys;
    private readonly StockScripts _scripts = new();

    /// <summary>On a single node the Try script claims the order index itself: one round trip instead of two.</summary>
    private readonly bool _claimInScript;

    public RedisStockAuthority(IConnectionMultiplexer redis, RedisStockOptions options)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        _redis = redis;
        _database = redis.GetDatabase();
        _options = options;
        _keys = new RedisKeys(options.KeyPrefix);
        _claimInScript = options.ClaimOrderInScript ?? !redis.GetServers().Any(s => s.ServerType == ServerType.Cluster);
    }

    /// <summary>The SHA of the Try script, for running the same script from redis-benchmark.</summary>
    public Task<string> GetTryScriptShaAsync() => _scripts.Try.GetShaAsync(_redis);

    public async ValueTask<HoldResult> TryHoldAsync(HoldRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lines = RequestedLines.Combine(request.Lines);
        var index = _keys.OrderIndex(request.OrderId);
        if (!_claimInScript)
        {
            var owner = await _database.StringSetAndGetAsync(index, request.StoreId, _options.OrderIndexTtl, keepTtl: false, When.NotExists);
            if (owner == BarrierMarker)
            {
                return HoldResult.Barred;
            }

            if (!owner.IsNull && owner != request.StoreId)
            {
                throw new InvalidOperationException($"Order {request.OrderId} was tried in store '{owner}', not '{request.StoreId}'.");
            }
        }

        var claim = _claimInScript ? 1 : 0;
        var keys = new RedisKey[lines.Length + 1 + claim];
        var args = new RedisValue[(2 * lines.Length) + 3];
        keys[0] = _keys.Hold(request.StoreId, request.OrderId);
        args[0] = request.Deadline.ToUnixTimeMilliseconds();
        args[1] = _claimInScript ? request.StoreId : string.Empty;
        args[2] = (long)_options.OrderIndexTtl.TotalSeconds;
        for (var i = 0; i < lines.Length; i++)
        {
            keys[i + 1] = _keys.Stock(request.StoreId, lines[i].DishId);
            args[i + 3] = lines[i].Quantity;
            args[lines.Length + 3 + i] = lines[i].DishId;
        }

        if (_claimInScript)
        {
            keys[^1] = index;
        }

        var reply = (RedisResult[])(await _scripts.Try.EvaluateAsync(_redis, keys, args))!;
        return (string?)reply[0] switch
        {
            "held" => HoldResult.Success(ReadLines(reply)),
            "soldout" => HoldResult.SoldOut([.. reply.Skip(1).Select(r => (string)r!)]),
            "barred" => HoldResult.Barred,
            var other => throw new InvalidOperationException($"Unexpected reply '{other}' from the try script."),
        };
    }

    public async ValueTask<bool> ConfirmAsync(long orderId, CancellationToken cancellationToken)
    {
        var owner = await _database.StringGetAsync(_keys.OrderIndex(orderId));
        if (owner.IsNull || owner == BarrierMarker)
        {
            return false;
        }

        var storeId = (string)owner!;
        var reply = await _scripts.Confirm.EvaluateAsync(
            _redis,
            [_keys.Hold(storeId, orderId), _keys.Confirmed(storeId)],
            [_keys.StockPrefix(storeId), orderId]);
        return (long)reply == 1;
    }

    public async ValueTask<bool> ReturnAsync(long orderId, CancellationToken cancellationToken)
    {
        // No claim here, unlike Cancel: a Return never precedes its Try (only a confirmed order is refunded), so an
        // order with no index, or a barrier, has nothing to give back and must not leave anything behind.
        var owner = await _database.StringGetAsync(_keys.OrderIndex(orderId));
        if (owner.IsNull || owner == BarrierMarker)
        {
            return false;
        }

        var storeId = (string)owner!;
        var reply = await _scripts.Return.EvaluateAsync(
            _redis,
            [_keys.Hold(storeId, orderId), _keys.Confirmed(storeId)],
            [_keys.StockPrefix(storeId), orderId, (long)_options.BarrierTtl.TotalSeconds]);
        return (long)reply == 1;
    }

    public async ValueTask CancelAsync(long orderId, CancellationToken cancellationToken)
    {
        // Claiming the index for the barrier and reading who owns it is one command: no Try can claim in between.
        var owner = await _database.StringSetAndGetAsync(
            _keys.OrderIndex(orderId), BarrierMarker, _options.BarrierTtl, keepTtl: false, When.NotExists);
        if (owner.IsNull || owner == BarrierMarker)
        {
            return;
        }

        var storeId = (string)owner!;
        await _scripts.Cancel.EvaluateAsync(
            _redis,
            [_keys.Hold(storeId, orderId)],
            [_keys.StockPrefix(storeId), (long)_options.BarrierTtl.TotalSeconds]);
    }

    /// <summary>Reads <c>dish, quantity</c> pairs after the status word, sorted by dish id like the in-process ledger.</summary>
    private static HoldLine[] ReadLines(RedisResult[] reply)
    {
        var lines = new HoldLine[(reply.Length - 1) / 2];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = new HoldLine((string)reply[1 + (2 * i)]!, int.Parse((string)reply[2 + (2 * i)]!, CultureInfo.InvariantCulture));
        }

        Array.Sort(lines, static (a, b) => string.CompareOrdinal(a.DishId, b.DishId));
        return lines;
    }
}
