using Canteen.Core.Inventory;

namespace Canteen.Engine.Inventory;

/// <summary>
/// Decides who gets the portions of limited dishes (DESIGN §4). Every step is idempotent per order id and safe out
/// of order: Try moves available → reserved for all lines or none; Confirm moves reserved → sold; Cancel moves
/// reserved → available, and a Cancel that arrives before its Try leaves a barrier so the late Try does nothing.
/// </summary>
public interface IStockAuthority
{
    ValueTask<HoldResult> TryHoldAsync(HoldRequest request, CancellationToken cancellationToken);

    /// <summary>Reserved → sold. False when the hold was cancelled (a confirm after cancel is refused).</summary>
    ValueTask<bool> ConfirmAsync(long orderId, CancellationToken cancellationToken);

    /// <summary>Reserved → available. A second cancel, or a cancel of a confirmed hold, changes nothing.</summary>
    ValueTask CancelAsync(long orderId, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<StockLevel>> GetLevelsAsync(string storeId, CancellationToken cancellationToken);

    ValueTask<StockLevel?> GetLevelAsync(string storeId, string dishId, CancellationToken cancellationToken);

    /// <summary>Sets today's total; refused (not succeeded) below reserved + sold.</summary>
    ValueTask<SetTotalResult> SetTotalAsync(string storeId, string dishId, int total, CancellationToken cancellationToken);
}
