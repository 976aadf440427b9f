using System.Collections.Concurrent;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Running;

/// <summary>
/// What the server promised during the run (warmup included): every order it acknowledged with 201, every cancel
/// it confirmed, and which requests ended without a clear answer: an order request that may or may not have been
/// placed, a cancel that may or may not have released its order's hold. The post-run verification holds the server
/// to these promises. Success answers the API does not define for the operation (an order answered 200, a cancel
/// 204) are counted apart as well, by operation and status, so the verification can name the deviation.
/// </summary>
internal sealed class AckLog
{
    private readonly ConcurrentQueue<AckedOrder> _placed = new();
    private readonly ConcurrentDictionary<string, byte> _cancelled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _cancelsUnknown = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(OperationKind Kind, int Status), long> _undefinedSuccesses = new();
    private long _unknown;
    private long _placedWithoutLocation;

    public IReadOnlyCollection<AckedOrder> Placed => _placed;

    /// <summary>Order requests that got no clear answer.</summary>
    public long UnknownOutcomes => Interlocked.Read(ref _unknown);

    /// <summary>Cancel requests that got no clear answer.</summary>
    public long UnknownCancels => _cancelsUnknown.Count;

    public long PlacedWithoutLocation => Interlocked.Read(ref _placedWithoutLocation);

    /// <summary>Every 201, whether or not its <c>Location</c> said where the order is.</summary>
    public long Acknowledged => _placed.Count + PlacedWithoutLocation;

    /// <summary>2xx answers other than the one the API defines for the operation, by operation and status, in that order.</summary>
    public IReadOnlyList<(OperationKind Kind, int Status, long Count)> UndefinedSuccesses =>
        [.. _undefinedSuccesses.OrderBy(u => u.Key.Kind).ThenBy(u => u.Key.Status).Select(u => (u.Key.Kind, u.Key.Status, u.Value))];

    public bool IsCancelled(string orderId) => _cancelled.ContainsKey(orderId);

    /// <summary>Whether a cancel of this order was sent but got no clear answer, so its hold may or may not be released.</summary>
    public bool IsCancelUnknown(string orderId) => _cancelsUnknown.ContainsKey(orderId);

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

    public void AddUnknownCancel(string orderId) => _cancelsUnknown.TryAdd(orderId, 0);

    public void AddUndefinedSuccess(OperationKind kind, int status) =>
        _undefinedSuccesses.AddOrUpdate((kind, status), 1, static (_, n) => n + 1);
}
