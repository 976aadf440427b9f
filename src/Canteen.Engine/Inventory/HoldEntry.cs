using Canteen.Engine.Storage;

namespace Canteen.Engine.Inventory;

/// <summary>
/// One order's hold in the in-process ledger. Its state moves only by compare-and-swap, so a concurrent Confirm and
/// Cancel cannot both win: whichever swaps first decides where the portions go.
/// </summary>
internal sealed class HoldEntry(string storeId, HoldLine[] lines, HoldState state, long releasedAt = 0)
{
    private int _state = (int)state;
    private long _releasedAt = releasedAt;

    public string StoreId { get; } = storeId;

    public HoldLine[] Lines { get; } = lines;

    public HoldState State => (HoldState)Volatile.Read(ref _state);

    public bool TryMove(HoldState from, HoldState to) =>
        Interlocked.CompareExchange(ref _state, (int)to, (int)from) == (int)from;

    /// <summary>When the hold was released or barred, as a <see cref="TimeProvider"/> timestamp; 0 until then.</summary>
    public long ReleasedAt => Volatile.Read(ref _releasedAt);

    /// <summary>Held → released, stamped with <paramref name="now"/> so the ledger can forget it after a while.</summary>
    public bool TryRelease(long now) => TryRelease(HoldState.Held, now);

    /// <summary>Confirmed → released (a refund gives sold portions back), stamped like <see cref="TryRelease(long)"/>.</summary>
    public bool TryReturn(long now) => TryRelease(HoldState.Confirmed, now);

    private bool TryRelease(HoldState from, long now)
    {
        if (!TryMove(from, HoldState.Released))
        {
            return false;
        }

        Volatile.Write(ref _releasedAt, now);
        return true;
    }
}
