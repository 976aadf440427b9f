using System.Collections.Concurrent;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Running;

/// <summary>
/// What the server promised during the run (warmup included): every order it acknowledged with 201, every cancel
/// it confirmed, and how many order requests ended without a clear answer (they may or may not have been placed).
/// The post-run verification holds the server to these promises.
/// </summary>
internal sealed class AckLog
{
    private readonly ConcurrentQueue<AckedOrder> _placed = new();
    private readonly ConcurrentDictionary<string, byte> _cancelled = new(StringComparer.Ordinal);
    private long _unknown;
    private long _placedWithoutLocation;

    public IReadOnlyCollection<AckedOrder> Placed => _placed;

    public long UnknownOutcomes => Interlocked.Read(ref _unknown);

    public long PlacedWithoutLocation => Interlocked.Read(ref _placedWithoutLocation);

    public bool IsCancelled(string orderId) => _cancelled.ContainsKey(orderId);

    public AckedOrder? AddPlaced(string? location, OrderTemplate template)
    {
        var slash = location?.LastIndexOf('/') ?? -1;
        if (location is null || slash < 0 || slash == location.Length - 1)
        {
            Interlocked.Increment(ref _placedWithoutLocation);
            return null;
        }

        var order = new AckedOrder(location[(slash + 1)..], template);
        _placed.Enqueue(order);
        return order;
    }

    public void AddCancelled(string orderId) => _cancelled.TryAdd(orderId, 0);

    public void AddUnknown() => Interlocked.Increment(ref _unknown);
}
