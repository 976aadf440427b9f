using Canteen.Core.Inventory;

namespace Canteen.Bench.Stock;

/// <summary>One authority's run, and the level of the hot dish after it.</summary>
internal sealed record RunResult(
    string Authority,
    int Callers,
    long Attempts,
    long Held,
    long SoldOut,
    TimeSpan Elapsed,
    double P50Ms,
    double P99Ms,
    int Portions,
    StockLevel Level)
{
    public double TriesPerSecond => Attempts / Elapsed.TotalSeconds;

    public double HoldsPerSecond => Held / Elapsed.TotalSeconds;

    /// <summary>Portions held beyond the total; anything but 0 is a bug.</summary>
    public long Oversold => Math.Max(0, Level.Reserved + Level.Sold - Portions) + Math.Max(0, Held - Portions);

    /// <summary>DESIGN §4's invariant after the run: nothing negative, the total unchanged, reserved = what was held.</summary>
    public bool InvariantHolds =>
        Level.IsConsistent && Level.Total == Portions && Level.Reserved == Held && Oversold == 0;
}
