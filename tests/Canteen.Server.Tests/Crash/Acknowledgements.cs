using System.Collections.Concurrent;

namespace Canteen.Server.Tests.Crash;

/// <summary>
/// What the server promised the clients across every run: orders that got 201 and cancels that got 200. These, and
/// only these, must survive any crash. Anything else a client saw that the workload does not expect is kept too.
/// </summary>
internal sealed class Acknowledgements
{
    private readonly ConcurrentDictionary<long, byte> _created = new();
    private readonly ConcurrentDictionary<long, byte> _cancelled = new();
    private readonly ConcurrentQueue<string> _unexpected = new();
    private int _soldOut;
    private int _lostInFlight;

    public IReadOnlyCollection<long> Created => [.. _created.Keys];

    public int CreatedCount => _created.Count;

    public IReadOnlySet<long> Cancelled => _cancelled.Keys.ToHashSet();

    public IReadOnlyList<string> Unexpected => [.. _unexpected];

    public int SoldOut => Volatile.Read(ref _soldOut);

    /// <summary>Requests cut off by a kill: the client cannot know whether they happened, so nothing is promised.</summary>
    public int LostInFlight => Volatile.Read(ref _lostInFlight);

    public void OrderCreated(long orderId) => _created.TryAdd(orderId, 0);

    public void OrderCancelled(long orderId) => _cancelled.TryAdd(orderId, 0);

    public void SoldOutRefused() => Interlocked.Increment(ref _soldOut);

    public void RequestLost() => Interlocked.Increment(ref _lostInFlight);

    public void Surprise(string what) => _unexpected.Enqueue(what);
}
