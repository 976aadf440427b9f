using System.Collections.Concurrent;
using Canteen.Engine.Storage;

namespace Canteen.Engine.Inventory;

/// <summary>
/// Forgets the in-process ledger's released holds and cancel barriers once they are older than the retention, so a
/// long-running process does not remember every cancelled order forever.
/// </summary>
/// <remarks>
/// Forgetting keeps every TCC guarantee. A released entry matters only to a Try for the same order id arriving after
/// the Cancel (the barrier makes that Try reserve nothing). Order ids are fresh snowflakes minted by
/// <c>PlaceOrderHandler</c> right before its Try, and an order can be cancelled by anyone else only once it is
/// committed, i.e. after its Try; the only Cancel that can precede a Try is its own request's compensation. A late Try
/// therefore trails its Cancel by at most one request (seconds: the writer sheds instead of queueing), and the default
/// retention of five minutes is far beyond that. A Confirm after the Cancel answers false with or without the entry,
/// and a Cancel after pruning just leaves a new, empty barrier. Confirmed entries are dropped by the daily reset instead.
/// </remarks>
internal sealed class ReleasedHoldPruner(TimeProvider time, TimeSpan retention)
{
    // Released entries are made only by cancels, so checking now and then on a cancel bounds them; a quarter of the
    // retention between scans keeps the cost of a scan negligible.
    private readonly TimeSpan _scanEvery = retention / 4;
    private long _lastScan = time.GetTimestamp();
    private int _scanning;

    public long Now() => time.GetTimestamp();

    /// <summary>Scans when the last scan is long enough ago; one caller scans, the others return at once.</summary>
    public void MaybePrune(ConcurrentDictionary<long, HoldEntry> holds, long now)
    {
        if (time.GetElapsedTime(Volatile.Read(ref _lastScan), now) < _scanEvery || Interlocked.Exchange(ref _scanning, 1) == 1)
        {
            return;
        }

        try
        {
            Volatile.Write(ref _lastScan, now);
            Prune(holds, now);
        }
        finally
        {
            Volatile.Write(ref _scanning, 0);
        }
    }

    /// <summary>Removes released entries older than the retention; returns how many.</summary>
    public int Prune(ConcurrentDictionary<long, HoldEntry> holds, long now)
    {
        var removed = 0;
        foreach (var (orderId, entry) in holds)
        {
            // Released is final (nothing moves an entry out of it), so removing exactly this entry cannot lose a
            // state change. An entry released this instant may not be stamped yet (0): keep it for the next scan.
            if (entry.State == HoldState.Released
                && entry.ReleasedAt != 0
                && time.GetElapsedTime(entry.ReleasedAt, now) >= retention
                && holds.TryRemove(new KeyValuePair<long, HoldEntry>(orderId, entry)))
            {
                removed++;
            }
        }

        return removed;
    }
}
