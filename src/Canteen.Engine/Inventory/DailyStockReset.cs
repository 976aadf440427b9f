using Canteen.Core.Menu;
using Canteen.Engine.Catalog;
using Canteen.Engine.Ordering;
using Canteen.Engine.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Canteen.Engine.Inventory;

/// <summary>
/// Starts each store's new business day at its local midnight: limited dishes go back to their daily portions and
/// yesterday's sales stop counting, while portions held by guests who are still paying stay held.
/// </summary>
/// <remarks>
/// Storage first (the durable <see cref="ResetDailyStock"/> write), then the ledger
/// (<see cref="IStockAuthority.ResetDayAsync"/>): a reset gives portions back, and portions are only given back once
/// storage agrees, as with a cancel. A crash in between leaves reset storage, which start-up rebuilds the ledger from,
/// so the reset happens once; the write is never repeated after it commits (a second reset would erase the day's
/// sales). Holds arriving in between end up held on both sides (total = max(daily, reserved) in both). Only a payment
/// whose commit and ledger step straddle the reset's can count for different days in ledger and storage (reported as
/// <c>sold_mismatch</c> until restart). Down across midnight: start-up first resets every store whose storage shows a
/// missed reset (<see cref="MissedDailyReset"/>). docs/architecture.md has the whole argument.
/// </remarks>
public sealed partial class DailyStockReset(
    MenuCache menus,
    IStockStore stockStore,
    IStockAuthority stock,
    OrderWriter writer,
    TimeProvider time,
    IOptions<InventoryOptions> options,
    ILogger<DailyStockReset> logger) : BackgroundService
{
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    private readonly StoreDayReset _reset = new(stockStore, stock, writer, time, logger);
    private readonly Dictionary<string, TimeZoneInfo?> _zones = new(StringComparer.Ordinal);
    private DateTimeOffset _startedAt;

    /// <summary>Raised after a store's reset is durable and applied to the ledger (for metrics and tests).</summary>
    public event Action<string>? StoreReset;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DailyReset)
        {
            await CatchUpAsync(cancellationToken);
        }

        // The schedule counts from here, not from whenever the background loop gets going: a start just before a
        // midnight must still reset at that midnight.
        _startedAt = time.GetUtcNow();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DailyReset)
        {
            return;
        }

        var schedule = new MidnightSchedule();
        var from = _startedAt;
        try
        {
            while (true)
            {
                // Stores that appear later (a menu reload) are scheduled from when they are first seen.
                var now = time.GetUtcNow();
                foreach (var store in menus.Stores.Where(s => !schedule.Contains(s.Id)))
                {
                    if (ZoneOf(store) is { } zone)
                    {
                        schedule.Add(store.Id, zone, from);
                    }
                }

                from = now;
                if (schedule.Earliest is not { } next)
                {
                    return;
                }

                // Sleeps of at most a minute, each from a fresh reading of the clock, through the TimeProvider (a fake
                // clock in tests). One sleep to a midnight hours away counts from when it starts, so a clock that moves
                // meanwhile (an NTP step, a resumed VM, a test advancing its fake clock between our reading and the timer
                // starting: that made a test wait 12 more fake hours) would make the reset late by as much.
                for (var current = now; next > current; current = time.GetUtcNow())
                {
                    await Task.Delay(next - current < MaxSleep ? next - current : MaxSleep, time, stoppingToken);
                }

                foreach (var storeId in schedule.DueAt(time.GetUtcNow()))
                {
                    await _reset.RunWithRetryAsync(storeId, stoppingToken);
                    Announce(storeId);
                    schedule.Done(storeId, time.GetUtcNow());
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping. A reset cut short before its write committed is caught up by the next start-up whenever
            // storage shows it missed (see MissedDailyReset for the one case it cannot see).
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var holds = await stockStore.LoadActiveHoldsAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var store in menus.Stores)
        {
            if (ZoneOf(store) is not { } zone)
            {
                continue;
            }

            if (MissedDailyReset.IsMissed(store.Id, zone, holds, now))
            {
                LogCatchingUp(store.Id);
                await _reset.RunOnceAsync(store.Id, cancellationToken);
                Announce(store.Id);
            }
        }
    }

    private void Announce(string storeId)
    {
        LogReset(storeId);
        StoreReset?.Invoke(storeId);
    }

    private TimeZoneInfo? ZoneOf(Store store)
    {
        if (!_zones.TryGetValue(store.Id, out var zone))
        {
            _zones[store.Id] = zone = StoreMidnight.FindZone(store.TimeZoneId);
            if (zone is null)
            {
                LogUnknownZone(store.Id, store.TimeZoneId);
            }
        }

        return zone;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stock of store {StoreId} reset for the new business day")]
    private partial void LogReset(string storeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store {StoreId} missed its daily stock reset while the server was down; resetting now")]
    private partial void LogCatchingUp(string storeId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Store {StoreId} has an unknown time zone '{TimeZoneId}'; its stock is never reset")]
    private partial void LogUnknownZone(string storeId, string timeZoneId);
}
