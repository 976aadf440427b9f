using System.Collections.Concurrent;
using Canteen.LoadTest.Options;

namespace Canteen.LoadTest.Workload;

/// <summary>
/// Chooses each next request. It is shared by all senders, so it only reads immutable templates; the one mutable
/// piece, the queue of orders that may be cancelled, is a concurrent queue.
/// </summary>
internal sealed class Scenario
{
    // Mixed traffic: most guests browse, some order, a few change their mind.
    private const double MenuShare = 0.6;
    private const double CancelShare = 0.1;

    // Only the newest orders need to be cancellable; a bound keeps a long run's client memory flat.
    private const int MaxCancellable = 10_000;

    private readonly ScenarioKind _kind;
    private readonly IReadOnlyList<IReadOnlyList<OrderTemplate>> _templatesByStore;
    private readonly string[] _menuPaths;
    private readonly ConcurrentQueue<AckedOrder> _cancellable = new();
    private int _cancellableCount;

    public Scenario(ScenarioKind kind, IReadOnlyList<IReadOnlyList<OrderTemplate>> templatesByStore)
    {
        ArgumentNullException.ThrowIfNull(templatesByStore);
        _kind = kind;
        _templatesByStore = templatesByStore;
        _menuPaths = templatesByStore.Select(t => "/api/v1/stores/" + Uri.EscapeDataString(t[0].StoreId) + "/menu").ToArray();
    }

    public IEnumerable<string> StoreIds => _templatesByStore.Select(t => t[0].StoreId);

    public IEnumerable<OrderTemplate> Templates => _templatesByStore.SelectMany(t => t);

    public Operation Next(Random random)
    {
        if (_kind == ScenarioKind.Mixed)
        {
            var roll = random.NextDouble();
            if (roll < MenuShare)
            {
                return Operation.Menu(_menuPaths[random.Next(_menuPaths.Length)]);
            }

            if (roll >= 1 - CancelShare && _cancellable.TryDequeue(out var order))
            {
                Interlocked.Decrement(ref _cancellableCount);
                return Operation.Cancel(order);
            }
        }

        var store = _templatesByStore[random.Next(_templatesByStore.Count)];
        return Operation.Order(store[random.Next(store.Count)]);
    }

    /// <summary>Told of every placed order; only the mixed scenario keeps them, to cancel some later.</summary>
    public void OnPlaced(AckedOrder order)
    {
        if (_kind != ScenarioKind.Mixed)
        {
            return;
        }

        if (Interlocked.Increment(ref _cancellableCount) > MaxCancellable)
        {
            Interlocked.Decrement(ref _cancellableCount);
            return;
        }

        _cancellable.Enqueue(order);
    }
}
