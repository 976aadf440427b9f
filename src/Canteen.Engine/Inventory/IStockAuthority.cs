using Canteen.Core.Inventory;
using Canteen.Engine.Storage;

namespace Canteen.Engine.Inventory;

/// <summary>
/// Decides who gets the portions of limited dishes (DESIGN §4). Every step is idempotent per order id and safe out
/// of order: Try moves available → reserved for all lines or none; Confirm moves reserved → sold; Cancel moves
/// reserved → available, and a Cancel that arrives before its Try leaves a barrier so the late Try does nothing.
/// </summary>
public interface IStockAuthority
{
    /// <summary>
    /// Brings the authority in line with storage at start-up: totals, minus what persisted holds reserve or sold.
    /// An authority shared by several instances (Redis) keeps state another instance already established.
    /// </summary>
    ValueTask InitializeAsync(IReadOnlyList<StockTotal> totals, IReadOnlyList<PersistedHold> holds, CancellationToken cancellationToken);

    ValueTask<HoldResult> TryHoldAsync(HoldRequest request, CancellationToken cancellationToken);

    /// <summary>Reserved → sold. False when the hold was cancelled (a confirm after cancel is refused).</summary>
    ValueTask<bool> ConfirmAsync(long orderId, CancellationToken cancellationToken);

    /// <summary>Reserved → available. A second cancel, or a cancel of a confirmed hold, changes nothing.</summary>
    ValueTask CancelAsync(long orderId, CancellationToken cancellationToken);

    /// <summary>
    /// Sold → available: the order was refunded before the kitchen started, so its confirmed portions can be sold
    /// again. Idempotent (a second return changes nothing); a hold that is not confirmed (held, released, or settled
    /// by a daily reset) changes nothing. Returns true when portions went back.
    /// </summary>
    ValueTask<bool> ReturnAsync(long orderId, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<StockLevel>> GetLevelsAsync(string storeId, CancellationToken cancellationToken);

    ValueTask<StockLevel?> GetLevelAsync(string storeId, string dishId, CancellationToken cancellationToken);

    /// <summary>Sets today's total; refused (not succeeded) below reserved + sold.</summary>
    ValueTask<SetTotalResult> SetTotalAsync(string storeId, string dishId, int total, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a store's new business day (mirrors <see cref="ResetDailyStock"/>): sold goes to 0, confirmed holds are
    /// forgotten, and each limited dish's total becomes its daily portions, or what is still reserved if that is more.
    /// </summary>
    ValueTask ResetDayAsync(string storeId, IReadOnlyDictionary<string, int> dailyPortions, CancellationToken cancellationToken);
}
