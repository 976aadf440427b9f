using Canteen.Engine.Storage;

namespace Canteen.Engine.Inventory;

/// <summary>
/// One order's hold in the in-process ledger. Its state moves only by compare-and-swap, so a concurrent Confirm and
/// Cancel cannot both win: whichever swaps first decides where the portions go.
/// </summary>
internal sealed class HoldEntry(string storeId, HoldLine[] lines, HoldState state)
{
    private int _state = (int)state;

    public string StoreId { get; } = storeId;

    public HoldLine[] Lines { get; } = lines;

    public HoldState State => (HoldState)Volatile.Read(ref _state);

    public bool TryMove(HoldState from, HoldState to) =>
        Interlocked.CompareExchange(ref _state, (int)to, (int)from) == (int)from;
}
