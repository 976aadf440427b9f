using Canteen.Engine.Storage;

namespace Canteen.Engine.Inventory;

/// <summary>
/// Tells from storage alone whether a store's last daily reset was missed (the process was down across its local
/// midnight), so no table of past resets is needed.
/// </summary>
/// <remarks>
/// A reset settles every hold that is confirmed when it commits. A hold is confirmed only by a payment, and payment
/// is only possible while the order is unpaid: the expiry sweeper cancels it a fraction of a second after its
/// deadline. So a hold still <see cref="HoldState.Confirmed"/> whose deadline lies more than <see cref="SettleGrace"/>
/// before today's local midnight was paid yesterday, and today's reset would have settled it: the reset was missed.
/// Conversely, once the reset has run no such hold can remain, so a restart later in the day never resets twice
/// (a second reset in one day would erase the day's sales). What this cannot see is a day with no such sale; then
/// yesterday's few late sales keep counting and a staff total set yesterday stays, which can only under-sell.
/// </remarks>
public static class MissedDailyReset
{
    /// <summary>Far more than the sweeper's lag between a payment deadline and the cancel.</summary>
    public static readonly TimeSpan SettleGrace = TimeSpan.FromHours(1);

    public static bool IsMissed(string storeId, TimeZoneInfo zone, IEnumerable<PersistedHold> activeHolds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activeHolds);
        var paidBeforeMidnight = StoreMidnight.Last(now, zone) - SettleGrace;
        return activeHolds.Any(h => h.StoreId == storeId && h.State == HoldState.Confirmed && h.Deadline <= paidBeforeMidnight);
    }
}
