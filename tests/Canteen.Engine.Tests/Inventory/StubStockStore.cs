using Canteen.Engine.Storage;

namespace Canteen.Engine.Tests.Inventory;

/// <summary>
/// Persisted stock as a test sets it. <see cref="HoldsOnLoad"/>, when given, decides the holds of each load by its
/// number (0, 1, 2...), to stage a storage state that changes while someone reads it.
/// </summary>
internal sealed class StubStockStore(IReadOnlyList<StockTotal> totals, IReadOnlyList<PersistedHold> holds) : IStockStore
{
    private int _holdLoads;

    public IReadOnlyList<StockTotal> Totals { get; set; } = totals;

    public IReadOnlyList<PersistedHold> Holds { get; set; } = holds;

    public Func<int, IReadOnlyList<PersistedHold>>? HoldsOnLoad { get; set; }

    public Task<IReadOnlyList<StockTotal>> LoadTotalsAsync(CancellationToken cancellationToken) => Task.FromResult(Totals);

    public Task<IReadOnlyList<PersistedHold>> LoadActiveHoldsAsync(CancellationToken cancellationToken)
    {
        var load = Interlocked.Increment(ref _holdLoads) - 1;
        return Task.FromResult(HoldsOnLoad?.Invoke(load) ?? Holds);
    }
}
