using System.Globalization;
using Canteen.Core.Ordering;
using Xunit;

namespace Canteen.Core.Tests.Ordering;

public sealed class PickupNumberTests
{
    private const int Cycle = 26 * 999;

    private static readonly DateOnly Day = new(2026, 11, 24);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    [InlineData(1, "A001")]
    [InlineData(42, "A042")]
    [InlineData(999, "A999")]
    [InlineData(1000, "B001")]
    [InlineData(1998, "B999")]
    [InlineData(1999, "C001")]
    [InlineData(Cycle, "Z999")]
    [InlineData(Cycle + 1, "A001")]
    [InlineData(Cycle + 1000, "B001")]
    public void Display_Sequence_LetterEvery999(int sequence, string expected)
    {
        var number = new PickupNumber(Day, sequence);

        Assert.Equal(expected, number.Display);
        Assert.Equal(expected, number.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Display_SequenceBelowOne_Throws(int sequence)
    {
        Assert.Throws<InvalidOperationException>(() => new PickupNumber(Day, sequence).Display);
    }

    [Theory]
    [InlineData("2026-11-24T15:59:59Z", "2026-11-24")]
    [InlineData("2026-11-24T16:00:00Z", "2026-11-25")]
    [InlineData("2026-11-24T00:00:00Z", "2026-11-24")]
    [InlineData("2026-11-23T23:59:59+08:00", "2026-11-23")]
    [InlineData("2026-11-24T00:00:00+08:00", "2026-11-24")]
    [InlineData("2026-12-31T16:00:00Z", "2027-01-01")]
    public void BusinessDayOf_Shanghai_IsTheLocalCalendarDay(string instant, string expected)
    {
        var day = PickupNumber.BusinessDayOf(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture), Shanghai);

        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture), day);
    }
}
