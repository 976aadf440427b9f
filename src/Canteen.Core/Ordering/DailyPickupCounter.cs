namespace Canteen.Core.Ordering;

/// <summary>
/// Issues one store's pickup numbers: consecutive within a business day, back to 1 on the next day. Not thread
/// safe by itself; the caller serialises access per store (one lock per store, never a global one).
/// </summary>
public sealed class DailyPickupCounter
{
    private DateOnly _day;
    private int _last;

    /// <param name="day">The business day the counter was last used on (restored from storage).</param>
    /// <param name="last">The last sequence issued on that day; 0 when none.</param>
    public DailyPickupCounter(DateOnly day, int last)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(last);
        _day = day;
        _last = last;
    }

    public PickupNumber Next(DateOnly businessDay)
    {
        if (businessDay != _day)
        {
            // A clock that steps back over midnight must not restart yesterday's numbers: only move forward.
            if (businessDay > _day)
            {
                _day = businessDay;
                _last = 0;
            }
        }

        _last++;
        return new PickupNumber(_day, _last);
    }
}
