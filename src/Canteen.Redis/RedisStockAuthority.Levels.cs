using System.Globalization;
using Canteen.Core.Inventory;
using Canteen.Engine.Inventory;
using StackExchange.Redis;

namespace Canteen.Redis;

/// <summary>Levels, staff total changes and the daily reset.</summary>
public sealed partial class RedisStockAuthority
{
    private static readonly RedisValue[] LevelFields = ["available", "reserved", "sold"];

    public async ValueTask<IReadOnlyList<StockLevel>> GetLevelsAsync(string storeId, CancellationToken cancellationToken)
    {
        var reply = (RedisResult[])(await _scripts.Levels.EvaluateAsync(_redis, [_keys.Dishes(storeId)], [_keys.StockPrefix(storeId)]))!;
        var levels = new List<StockLevel>(reply.Length / 4);
        for (var i = 0; i + 3 < reply.Length; i += 4)
        {
            levels.Add(new StockLevel((string)reply[i]!, Int(reply[i + 1]), Int(reply[i + 2]), Int(reply[i + 3])));
        }

        levels.Sort(static (a, b) => string.CompareOrdinal(a.DishId, b.DishId));
        return levels;
    }

    public async ValueTask<StockLevel?> GetLevelAsync(string storeId, string dishId, CancellationToken cancellationToken)
    {
        // One HMGET is atomic on its own: a single key needs no script for a consistent triple.
        var values = await _database.HashGetAsync(_keys.Stock(storeId, dishId), LevelFields);
        return values[0].IsNull ? null : new StockLevel(dishId, (int)values[0], (int)values[1], (int)values[2]);
    }

    public async ValueTask<SetTotalResult> SetTotalAsync(string storeId, string dishId, int total, CancellationToken cancellationToken)
    {
        var reply = (RedisResult[])(await _scripts.SetTotal.EvaluateAsync(_redis, [_keys.Stock(storeId, dishId)], [total]))!;
        if (reply.Length == 0)
        {
            return new SetTotalResult(false, default, NotLimited: true);
        }

        var level = new StockLevel(dishId, (int)reply[1], (int)reply[2], (int)reply[3]);
        return new SetTotalResult((int)reply[0] == 1, level, NotLimited: false);
    }

    public async ValueTask ResetDayAsync(string storeId, IReadOnlyDictionary<string, int> dailyPortions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dailyPortions);
        var keys = new RedisKey[dailyPortions.Count + 1];
        var args = new RedisValue[dailyPortions.Count + 1];
        keys[0] = _keys.Confirmed(storeId);
        args[0] = _keys.HoldPrefix(storeId);
        var i = 1;
        foreach (var (dishId, portions) in dailyPortions)
        {
            keys[i] = _keys.Stock(storeId, dishId);
            args[i++] = portions;
        }

        var forgotten = (RedisResult[])(await _scripts.ResetDay.EvaluateAsync(_redis, keys, args))!;

        // The index entries live on other slots, so they go after the script. Leaving one behind would be harmless:
        // an index that points at a forgotten hold acts exactly like no hold (Confirm and Return false, Cancel leaves a
        // barrier).
        var deletes = forgotten.Select(id => _database.KeyDeleteAsync(
            _keys.OrderIndex(long.Parse((string)id!, CultureInfo.InvariantCulture))));
        await Task.WhenAll(deletes);
    }

    private static int Int(RedisResult value) => int.Parse((string)value!, CultureInfo.InvariantCulture);
}
