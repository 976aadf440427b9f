using System.Collections.Concurrent;
using Canteen.Core.Inventory;
using Canteen.Engine.Storage;
using Canteen.Engine.Telemetry;
using Microsoft.Extensions.Options;

namespace Canteen.Engine.Inventory;

/// <summary>
/// The embedded-mode stock authority: lock-free per-dish counters (<see cref="StockCell"/>) and a registry of holds
/// by order id. It is rebuilt at start-up from persisted totals and holds, and the order writer persists every hold
/// in the same transaction as its order, so memory and storage agree after any crash.
/// </summary>
public sealed class InProcessStockLedger : IStockAuthority
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, StockCell>> _stores = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, HoldEntry> _holds = new();
    private readonly ReleasedHoldPruner _pruner;

    // Return and the daily reset take turns. Otherwise a Return could find its hold still confirmed just before a
    // reset zeroes sold, and take its portions out of the new day's sold (negative, or someone else's). Both are
    // rare, and Try, Confirm and Cancel never take this lock, so the hot path stays lock-free.
    private readonly Lock _settling = new();

    /// <summary>A ledger on the system clock with the default retention of released holds.</summary>
    public InProcessStockLedger()
        : this(TimeProvider.System, Options.Create(new InventoryOptions()))
    {
    }

    public InProcessStockLedger(TimeProvider time, IOptions<InventoryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _pruner = new ReleasedHoldPruner(time, options.Value.ReleasedHoldRetention);
    }

    /// <summary>Order ids the ledger currently remembers (held, confirmed, released or barred).</summary>
    internal int HoldCount => _holds.Count;

    public ValueTask InitializeAsync(IReadOnlyList<StockTotal> totals, IReadOnlyList<PersistedHold> holds, CancellationToken cancellationToken)
    {
        Load(totals, holds);
        return ValueTask.CompletedTask;
    }

    public ValueTask ResetDayAsync(string storeId, IReadOnlyDictionary<string, int> dailyPortions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dailyPortions);
        lock (_settling)
        {
            foreach (var (dishId, cell) in CellsOf(storeId))
            {
                if (dailyPortions.TryGetValue(dishId, out var portions))
                {
                    cell.ResetDay(portions);
                }
            }

            // Confirmed holds of the day are settled: nothing can move them any more, so they need not be remembered.
            foreach (var (orderId, entry) in _holds)
            {
                if (entry.StoreId == storeId && entry.State == HoldState.Confirmed)
                {
                    _holds.TryRemove(orderId, out _);
                }
            }
        }

        _pruner.Prune(_holds, _pruner.Now());
        return ValueTask.CompletedTask;
    }

    /// <summary>Forgets released holds and barriers older than the retention (see <see cref="ReleasedHoldPruner"/>).</summary>
    public int PruneReleased() => _pruner.Prune(_holds, _pruner.Now());

    /// <summary>Replaces all state with what storage says: totals, minus what live holds reserve or sold.</summary>
    public void Load(IEnumerable<StockTotal> totals, IEnumerable<PersistedHold> holds)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(holds);
        _stores.Clear();
        _holds.Clear();
        var holdList = holds.ToList();
        var counted = holdList
            .GroupBy(h => (h.StoreId, h.DishId))
            .ToDictionary(
                g => g.Key,
                g => (Reserved: g.Where(h => h.State == HoldState.Held).Sum(h => h.Quantity),
                      Sold: g.Where(h => h.State == HoldState.Confirmed).Sum(h => h.Quantity)));
        foreach (var total in totals)
        {
            var (reserved, sold) = counted.GetValueOrDefault((total.StoreId, total.DishId));
            // If staff lowered the total below what orders already account for, never go negative: the orders win.
            var available = Math.Max(0, total.Total - reserved - sold);
            CellsOf(total.StoreId)[total.DishId] = new StockCell(available, reserved, sold);
        }

        foreach (var order in holdList.GroupBy(h => h.OrderId))
        {
            var first = order.First();
            // A hold line for a dish that no longer has a stock total has no counter to return to: leave it out, so a
            // later Confirm or Cancel of that order moves only what is actually counted.
            var lines = order
                .Where(h => CellsOf(h.StoreId).ContainsKey(h.DishId))
                .Select(h => new HoldLine(h.DishId, h.Quantity))
                .ToArray();
            _holds[order.Key] = new HoldEntry(first.StoreId, lines, first.State);
        }
    }

    public ValueTask<HoldResult> TryHoldAsync(HoldRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_holds.TryGetValue(request.OrderId, out var existing))
        {
            return ValueTask.FromResult(ResultOf(existing));
        }

        var cells = CellsOf(request.StoreId);
        var wanted = request.Lines
            .Where(l => cells.ContainsKey(l.DishId))
            .GroupBy(l => l.DishId, StringComparer.Ordinal)
            .Select(g => new HoldLine(g.Key, g.Sum(l => l.Quantity)))
            .OrderBy(l => l.DishId, StringComparer.Ordinal)
            .ToArray();
        if (wanted.Length == 0)
        {
            return ValueTask.FromResult(HoldResult.Success([]));
        }

        var taken = 0;
        List<string>? soldOut = null;
        foreach (var line in wanted)
        {
            if (soldOut is null && cells[line.DishId].TryReserve(line.Quantity))
            {
                taken++;
                continue;
            }

            // This order cannot be served. Reserve nothing more, but name every dish that is short.
            if (soldOut is null || cells[line.DishId].Read().Available < line.Quantity)
            {
                (soldOut ??= []).Add(line.DishId);
            }
        }

        if (soldOut is not null)
        {
            Return(cells, wanted.AsSpan(0, taken));
            CanteenMetrics.Hold(HoldOutcomes.SoldOut);
            return ValueTask.FromResult(HoldResult.SoldOut(soldOut));
        }

        // A Cancel that raced ahead of this Try registered a barrier: give the portions back, hold nothing.
        var entry = new HoldEntry(request.StoreId, wanted, HoldState.Held);
        if (!_holds.TryAdd(request.OrderId, entry))
        {
            Return(cells, wanted);
            return ValueTask.FromResult(ResultOf(_holds[request.OrderId]));
        }

        CanteenMetrics.Hold(HoldOutcomes.Taken);
        return ValueTask.FromResult(HoldResult.Success(wanted));
    }

    public ValueTask<bool> ConfirmAsync(long orderId, CancellationToken cancellationToken)
    {
        if (!_holds.TryGetValue(orderId, out var entry))
        {
            return ValueTask.FromResult(false);
        }

        if (entry.TryMove(HoldState.Held, HoldState.Confirmed))
        {
            var cells = CellsOf(entry.StoreId);
            foreach (var line in entry.Lines)
            {
                cells[line.DishId].Confirm(line.Quantity);
            }

            CanteenMetrics.Hold(HoldOutcomes.Confirmed);
        }

        return ValueTask.FromResult(entry.State == HoldState.Confirmed);
    }

    public ValueTask CancelAsync(long orderId, CancellationToken cancellationToken)
    {
        var now = _pruner.Now();
        var entry = _holds.GetOrAdd(orderId, static (_, at) => new HoldEntry(string.Empty, [], HoldState.Released, at), now);
        if (entry.TryRelease(now))
        {
            Return(CellsOf(entry.StoreId), entry.Lines);
            CanteenMetrics.Hold(HoldOutcomes.Released);
        }

        _pruner.MaybePrune(_holds, now);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> ReturnAsync(long orderId, CancellationToken cancellationToken)
    {
        lock (_settling)
        {
            if (!_holds.TryGetValue(orderId, out var entry) || !entry.TryReturn(_pruner.Now()))
            {
                return ValueTask.FromResult(false);
            }

            var cells = CellsOf(entry.StoreId);
            foreach (var line in entry.Lines)
            {
                cells[line.DishId].Unsell(line.Quantity);
            }
        }

        CanteenMetrics.Hold(HoldOutcomes.Returned);
        return ValueTask.FromResult(true);
    }

    public ValueTask<IReadOnlyList<StockLevel>> GetLevelsAsync(string storeId, CancellationToken cancellationToken)
    {
        IReadOnlyList<StockLevel> levels = CellsOf(storeId)
            .Select(kv => LevelOf(kv.Key, kv.Value))
            .OrderBy(l => l.DishId, StringComparer.Ordinal)
            .ToList();
        return ValueTask.FromResult(levels);
    }

    public ValueTask<StockLevel?> GetLevelAsync(string storeId, string dishId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CellsOf(storeId).TryGetValue(dishId, out var cell) ? LevelOf(dishId, cell) : (StockLevel?)null);

    public ValueTask<SetTotalResult> SetTotalAsync(string storeId, string dishId, int total, CancellationToken cancellationToken)
    {
        if (!CellsOf(storeId).TryGetValue(dishId, out var cell))
        {
            return ValueTask.FromResult(new SetTotalResult(false, default, NotLimited: true));
        }

        var succeeded = cell.TrySetTotal(total);
        return ValueTask.FromResult(new SetTotalResult(succeeded, LevelOf(dishId, cell), NotLimited: false));
    }

    private static void Return(ConcurrentDictionary<string, StockCell> cells, ReadOnlySpan<HoldLine> lines)
    {
        foreach (var line in lines)
        {
            cells[line.DishId].Release(line.Quantity);
        }
    }

    private static HoldResult ResultOf(HoldEntry entry) =>
        entry.State == HoldState.Released ? HoldResult.Barred : HoldResult.Success(entry.Lines);

    private static StockLevel LevelOf(string dishId, StockCell cell)
    {
        var (available, reserved, sold) = cell.Read();
        return new StockLevel(dishId, available, reserved, sold);
    }

    private ConcurrentDictionary<string, StockCell> CellsOf(string storeId) =>
        _stores.GetOrAdd(storeId, static _ => new ConcurrentDictionary<string, StockCell>(StringComparer.Ordinal));
}
