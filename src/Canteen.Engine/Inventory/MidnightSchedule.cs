namespace Canteen.Engine.Inventory;

/// <summary>The daily reset's timetable: each store's next local midnight. Used by one loop only, so no locking.</summary>
internal sealed class MidnightSchedule
{
    private readonly Dictionary<string, (TimeZoneInfo Zone, DateTimeOffset Due)> _stores = new(StringComparer.Ordinal);

    /// <summary>The earliest midnight scheduled, or null when no store is.</summary>
    public DateTimeOffset? Earliest => _stores.Count == 0 ? null : _stores.Values.Min(s => s.Due);

    public bool Contains(string storeId) => _stores.ContainsKey(storeId);

    /// <summary>Schedules a store for its first local midnight after <paramref name="from"/>.</summary>
    public void Add(string storeId, TimeZoneInfo zone, DateTimeOffset from) => _stores[storeId] = (zone, StoreMidnight.Next(from, zone));

    /// <summary>Stores whose midnight has come by <paramref name="now"/>.</summary>
    public IReadOnlyList<string> DueAt(DateTimeOffset now) => [.. _stores.Where(s => s.Value.Due <= now).Select(s => s.Key)];

    /// <summary>After a store's reset: schedules its next midnight, strictly after <paramref name="now"/>.</summary>
    public void Done(string storeId, DateTimeOffset now)
    {
        var zone = _stores[storeId].Zone;
        _stores[storeId] = (zone, StoreMidnight.Next(now, zone));
    }
}
