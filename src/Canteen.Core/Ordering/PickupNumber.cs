using System.Globalization;

namespace Canteen.Core.Ordering;

/// <summary>
/// A short per-store number the guest listens for (<c>A001</c>…<c>A999</c>, then <c>B001</c>…), counted from 1
/// on each local business day. The letter changes every 999 orders so the display stays four characters.
/// </summary>
public readonly record struct PickupNumber(DateOnly BusinessDay, int Sequence)
{
    private const int PerLetter = 999;

    public string Display
    {
        get
        {
            if (Sequence < 1)
            {
                throw new InvalidOperationException("Pickup sequences start at 1.");
            }

            var block = (Sequence - 1) / PerLetter;
            var letter = (char)('A' + (block % 26));
            var number = ((Sequence - 1) % PerLetter) + 1;
            return string.Create(CultureInfo.InvariantCulture, $"{letter}{number:D3}");
        }
    }

    public override string ToString() => Display;

    /// <summary>The store's local calendar day at <paramref name="instant"/>: where the daily count resets.</summary>
    public static DateOnly BusinessDayOf(DateTimeOffset instant, TimeZoneInfo timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime);
}
