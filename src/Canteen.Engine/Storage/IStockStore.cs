namespace Canteen.Engine.Storage;

/// <summary>
/// Reads the persisted stock state. Totals and holds are written by the order writer (with the orders they belong
/// to); at start-up the in-process ledger rebuilds <c>reserved</c> and <c>sold</c> from the holds, so a crash can
/// never leave a counter that no order accounts for.
/// </summary>
public interface IStockStore
{
    Task<IReadOnlyList<StockTotal>> LoadTotalsAsync(CancellationToken cancellationToken);

    /// <summary>Every hold line that is <see cref="HoldState.Held"/> or <see cref="HoldState.Confirmed"/>.</summary>
    Task<IReadOnlyList<PersistedHold>> LoadActiveHoldsAsync(CancellationToken cancellationToken);
}
