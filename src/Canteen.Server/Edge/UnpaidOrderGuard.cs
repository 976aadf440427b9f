using System.Collections.Concurrent;
using Canteen.Engine.Ordering;

namespace Canteen.Server.Edge;

/// <summary>
/// Caps a guest's orders waiting for payment (<see cref="LimitsOptions.MaxUnpaidOrdersPerGuest"/>). Storage counts
/// the committed ones; placements still in flight on this instance are counted here, so a guest firing several at
/// once cannot slip past the cap between the count and the commit. An order is briefly counted twice (committed, not
/// yet left), which only errs on the strict side. Across instances only the stored count is shared: a burst spread
/// over several instances can exceed the cap by the in-flight ones, which the per-caller rate limit bounds.
/// </summary>
public sealed class UnpaidOrderGuard(IUnpaidOrderCounter counter, LimitsState limits)
{
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);

    /// <summary>A reservation to dispose when the placement is done, or null when the guest is at the cap.</summary>
    public async Task<IDisposable?> TryEnterAsync(string ownerId, CancellationToken cancellationToken)
    {
        var max = limits.Current.MaxUnpaidOrdersPerGuest;
        if (max <= 0)
        {
            return NoReservation.Instance;
        }

        var rank = _inFlight.AddOrUpdate(ownerId, 1, (_, n) => n + 1);
        var entered = false;
        try
        {
            entered = await counter.CountUnpaidOrdersAsync(ownerId, cancellationToken) + rank <= max;
            return entered ? new Reservation(this, ownerId) : null;
        }
        finally
        {
            if (!entered)
            {
                Leave(ownerId);
            }
        }
    }

    private void Leave(string ownerId)
    {
        while (_inFlight.TryGetValue(ownerId, out var n))
        {
            // Remove only the exact (owner, 1) pair, so an entry another request just raised is never lost.
            if (n <= 1 ? _inFlight.TryRemove(new KeyValuePair<string, int>(ownerId, n)) : _inFlight.TryUpdate(ownerId, n - 1, n))
            {
                return;
            }
        }
    }

    private sealed class Reservation(UnpaidOrderGuard guard, string ownerId) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                guard.Leave(ownerId);
            }
        }
    }

    private sealed class NoReservation : IDisposable
    {
        public static readonly NoReservation Instance = new();

        public void Dispose()
        {
        }
    }
}
