using Canteen.Core.Inventory;
using Canteen.Engine.Catalog;
using Canteen.Engine.Errors;
using Canteen.Engine.Ordering;
using Canteen.Engine.Storage;

namespace Canteen.Engine.Inventory;

/// <summary>Staff view and control of limited dishes: levels per store, and today's total per dish.</summary>
public sealed class StockService(MenuCache menus, IStockAuthority stock, OrderWriter writer)
{
    // Total changes are rare staff actions; serialising them keeps the ledger and storage applying them in the same order.
    private readonly SemaphoreSlim _totals = new(1, 1);

    public async Task<IReadOnlyList<StockLevel>> GetLevelsAsync(string storeId, CancellationToken cancellationToken)
    {
        EnsureStore(storeId);
        return await stock.GetLevelsAsync(storeId, cancellationToken);
    }

    public async Task<StockLevel> SetTotalAsync(string storeId, string dishId, int total, CancellationToken cancellationToken)
    {
        EnsureStore(storeId);
        await _totals.WaitAsync(cancellationToken);
        try
        {
            var before = await stock.GetLevelAsync(storeId, dishId, cancellationToken)
                ?? throw new FailureException(Failure.NotFound($"Limited dish '{dishId}' in store '{storeId}'"));
            return total >= before.Total
                ? await RaiseAsync(storeId, dishId, total)
                : await LowerAsync(storeId, dishId, total, before.Total);
        }
        finally
        {
            _totals.Release();
        }
    }

    private void EnsureStore(string storeId)
    {
        if (!menus.TryGet(storeId, out _))
        {
            throw new FailureException(Failure.NotFound($"Store '{storeId}'"));
        }
    }

    /// <summary>
    /// Durable first, then the ledger: portions that are not yet durable must never be sold. Raising the ledger
    /// afterwards cannot be refused (a higher total is always at least reserved + sold).
    /// </summary>
    private async Task<StockLevel> RaiseAsync(string storeId, string dishId, int total)
    {
        await writer.SubmitAsync(new SetStockTotal(storeId, dishId, total));
        var result = await stock.SetTotalAsync(storeId, dishId, total, CancellationToken.None);
        return result.Succeeded ? result.Level : throw new InvalidOperationException("Raising a stock total was refused.");
    }

    /// <summary>
    /// The ledger first, because only it knows what is reserved or sold right now and can refuse atomically; if the
    /// write then fails, raising back to the old total cannot be refused, so storage and ledger agree again.
    /// </summary>
    private async Task<StockLevel> LowerAsync(string storeId, string dishId, int total, int previous)
    {
        var result = await stock.SetTotalAsync(storeId, dishId, total, CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new FailureException(new Failure(
                FailureCodes.StockConflict,
                $"The total cannot be {total}: {result.Level.Reserved + result.Level.Sold} portions are already reserved or sold."));
        }

        try
        {
            await writer.SubmitAsync(new SetStockTotal(storeId, dishId, total));
        }
        catch
        {
            await stock.SetTotalAsync(storeId, dishId, previous, CancellationToken.None);
            throw;
        }

        return result.Level;
    }
}
