namespace Canteen.Engine.Inventory;

/// <summary>
/// One limited dish's counters packed into a single 64-bit word (21 bits each for available, reserved, sold), so
/// every move is one compare-and-swap and every read is a consistent snapshot: there is no moment at which a
/// portion is counted twice or not at all. 21 bits allow up to 2,097,151 portions per dish per day.
/// </summary>
internal sealed class StockCell
{
    public const int MaxPortions = (1 << Bits) - 1;
    private const int Bits = 21;
    private const long Mask = MaxPortions;

    private long _packed;

    public StockCell(int available, int reserved, int sold) => _packed = Pack(available, reserved, sold);

    public (int Available, int Reserved, int Sold) Read()
    {
        var packed = Interlocked.Read(ref _packed);
        return Unpack(packed);
    }

    /// <summary>Available → reserved, if enough is available. Lock-free: retries only when another thread won the race.</summary>
    public bool TryReserve(int quantity) => TryMove(s => s.Available >= quantity
        ? (s.Available - quantity, s.Reserved + quantity, s.Sold)
        : null);

    /// <summary>Reserved → available (a hold was cancelled).</summary>
    public void Release(int quantity) => Move(s => (s.Available + quantity, s.Reserved - quantity, s.Sold));

    /// <summary>Reserved → sold (a hold was confirmed by payment).</summary>
    public void Confirm(int quantity) => Move(s => (s.Available, s.Reserved - quantity, s.Sold + quantity));

    /// <summary>Sold → available (a refund before cooking gives the portions back).</summary>
    public void Unsell(int quantity) => Move(s => (s.Available + quantity, s.Reserved, s.Sold - quantity));

    /// <summary>Sets the total by changing only <c>available</c>; refused if it would go below reserved + sold.</summary>
    public bool TrySetTotal(int total) => TryMove(s => total >= s.Reserved + s.Sold && total <= MaxPortions
        ? (total - s.Reserved - s.Sold, s.Reserved, s.Sold)
        : null);

    /// <summary>A new business day: yesterday's sold portions no longer count; held ones stay reserved.</summary>
    public void ResetDay(int dailyPortions) => Move(s =>
    {
        var total = Math.Max(dailyPortions, s.Reserved);
        return (total - s.Reserved, s.Reserved, 0);
    });

    private void Move(Func<(int Available, int Reserved, int Sold), (int, int, int)> change)
    {
        if (!TryMove(s => change(s)))
        {
            throw new InvalidOperationException("Unreachable: an unconditional stock move was refused.");
        }
    }

    private bool TryMove(Func<(int Available, int Reserved, int Sold), (int Available, int Reserved, int Sold)?> change)
    {
        var spinner = default(SpinWait);
        while (true)
        {
            var current = Interlocked.Read(ref _packed);
            var next = change(Unpack(current));
            if (next is not { } n)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _packed, Pack(n.Available, n.Reserved, n.Sold), current) == current)
            {
                return true;
            }

            spinner.SpinOnce();
        }
    }

    private static long Pack(int available, int reserved, int sold)
    {
        // A negative or oversized count means a bookkeeping bug upstream; fail loudly rather than wrap silently.
        if ((uint)available > MaxPortions || (uint)reserved > MaxPortions || (uint)sold > MaxPortions)
        {
            throw new InvalidOperationException($"Stock counters out of range: {available}/{reserved}/{sold}.");
        }

        return (long)available | ((long)reserved << Bits) | ((long)sold << (2 * Bits));
    }

    private static (int Available, int Reserved, int Sold) Unpack(long packed) =>
        ((int)(packed & Mask), (int)((packed >> Bits) & Mask), (int)((packed >> (2 * Bits)) & Mask));
}
