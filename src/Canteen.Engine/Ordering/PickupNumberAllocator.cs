using System.Collections.Concurrent;
using Canteen.Core.Menu;
using Canteen.Core.Ordering;
using Canteen.Engine.Storage;

namespace Canteen.Engine.Ordering;

/// <summary>
/// Hands out per-store daily pickup numbers. One small lock per store (never a global one); counters start from
/// the highest number already stored for today, so a restart continues the day's sequence instead of repeating it.
/// A number taken by an order whose commit then fails is skipped, which guests never notice.
/// </summary>
public sealed class PickupNumberAllocator(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (DailyPickupCounter Counter, TimeZoneInfo Zone)> _counters = new(StringComparer.Ordinal);

    public async Task InitializeAsync(IEnumerable<Store> stores, IOrderStore orders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(orders);
        foreach (var store in stores)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(store.TimeZoneId);
            var today = PickupNumber.BusinessDayOf(time.GetUtcNow(), zone);
            var last = await orders.LastPickupSequenceAsync(store.Id, today, cancellationToken);
            _counters[store.Id] = (new DailyPickupCounter(today, last), zone);
        }
    }

    public PickupNumber Next(string storeId)
    {
        if (!_counters.TryGetValue(storeId, out var entry))
        {
            throw new InvalidOperationException($"Store '{storeId}' has no pickup counter; was the engine started?");
        }

        var day = PickupNumber.BusinessDayOf(time.GetUtcNow(), entry.Zone);
        lock (entry.Counter)
        {
            return entry.Counter.Next(day);
        }
    }
}
