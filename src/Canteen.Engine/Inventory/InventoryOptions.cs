namespace Canteen.Engine.Inventory;

/// <summary>Configuration section <c>Canteen:Inventory</c>: the daily reset, ledger hygiene and the invariant check.</summary>
public sealed class InventoryOptions
{
    public const string Section = "Canteen:Inventory";

    /// <summary>
    /// Reset limited dishes to their daily portions at each store's local midnight. With several instances sharing
    /// one system of record, exactly one of them may run it: the reset is not idempotent within a day.
    /// </summary>
    public bool DailyReset { get; set; } = true;

    /// <summary>
    /// How long the in-process ledger remembers a released hold (or a cancel barrier) before forgetting it. A late Try
    /// trails its Cancel by at most one request (see <see cref="ReleasedHoldPruner"/>), so minutes are ample; every
    /// cancelled or expired order costs an entry (~100 bytes) for this long, and an hour of them at thousands of
    /// expiries a second is over a gigabyte.
    /// </summary>
    public TimeSpan ReleasedHoldRetention { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Snapshots the invariant check may take before it reports a disagreement that keeps changing as pending.</summary>
    public int InvariantCheckAttempts { get; set; } = 6;

    /// <summary>The pause between two snapshots of the invariant check, long enough for an in-flight order to commit.</summary>
    public TimeSpan InvariantRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);
}
