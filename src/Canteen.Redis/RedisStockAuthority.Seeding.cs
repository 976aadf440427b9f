using Canteen.Engine.Storage;
using StackExchange.Redis;

namespace Canteen.Redis;

/// <summary>Start-up: load the scripts and seed what Redis does not have yet.</summary>
public sealed partial class RedisStockAuthority
{
    /// <summary>
    /// Loads every script, then seeds each store from storage only where Redis has no state yet (see seed.lua):
    /// another instance may already own live state, which is newer than storage and so is never overwritten.
    /// </summary>
    public async ValueTask InitializeAsync(IReadOnlyList<StockTotal> totals, IReadOnlyList<PersistedHold> holds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(holds);
        foreach (var script in _scripts.All)
        {
            await script.LoadAsync(_redis);
        }

        var stores = totals.Select(t => t.StoreId).Concat(holds.Select(h => h.StoreId)).Distinct(StringComparer.Ordinal);
        foreach (var storeId in stores)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var storeHolds = holds.Where(h => h.StoreId == storeId).GroupBy(h => h.OrderId).ToList();

            // Index first: a hold seeded without its index could never be confirmed or cancelled, while an index
            // whose hold is not adopted acts like no hold at all. NX keeps any claim that already exists.
            await Task.WhenAll(storeHolds.Select(order =>
                _database.StringSetAsync(_keys.OrderIndex(order.Key), storeId, _options.OrderIndexTtl, When.NotExists)));

            var args = new List<RedisValue>
            {
                _keys.StockPrefix(storeId),
                _keys.HoldPrefix(storeId),
                (long)_options.BarrierTtl.TotalSeconds,
            };
            var storeTotals = totals.Where(t => t.StoreId == storeId).ToList();
            args.Add(storeTotals.Count);
            foreach (var total in storeTotals)
            {
                args.Add(total.DishId);
                args.Add(total.Total);
            }

            foreach (var order in storeHolds)
            {
                var lines = order.ToList();
                args.Add(order.Key);
                args.Add(StateName(lines[0].State));
                args.Add(lines[0].Deadline.ToUnixTimeMilliseconds());
                args.Add(lines.Count);
                foreach (var line in lines)
                {
                    args.Add(line.DishId);
                    args.Add(line.Quantity);
                }
            }

            await _scripts.Seed.EvaluateAsync(_redis, [_keys.Dishes(storeId), _keys.Confirmed(storeId)], [.. args]);
        }
    }

    private static string StateName(HoldState state) => state switch
    {
        HoldState.Held => "held",
        HoldState.Confirmed => "confirmed",
        HoldState.Released => "released",
        HoldState.Settled => "settled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
