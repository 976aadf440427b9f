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

    /// <summary>How long the in-process ledger remembers a released hold (or a cancel barrier) before forgetting it.</summary>
    public TimeSpan ReleasedHoldRetention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Snapshots the invariant check may take before it reports a disagreement that keeps changing as pending.</summary>
    public int InvariantCheckAttempts { get; set; } = 6;

    /// <summary>The pause between two snapshots of the invariant check, long enough for an in-flight order to commit.</summary>
    public TimeSpan InvariantRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);
}
