using Canteen.Core.Ordering;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Canteen.Core.Tests.Ordering;

public sealed class DailyPickupCounterTests
{
    private static readonly DateOnly Day = new(2026, 11, 24);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void Next_SameDay_CountsFromA001()
    {
        var counter = new DailyPickupCounter(Day, last: 0);

        Assert.Equal(["A001", "A002", "A003"], Enumerable.Range(0, 3).Select(_ => counter.Next(Day).Display));
    }

    [Fact]
    public void Next_RestoredCounter_ContinuesAfterLast()
    {
        var counter = new DailyPickupCounter(Day, last: 41);

        Assert.Equal(new PickupNumber(Day, 42), counter.Next(Day));
    }

    [Fact]
    public void Next_ThousandthOrderOfTheDay_IsB001()
    {
        var counter = new DailyPickupCounter(Day, last: 998);

        Assert.Equal("A999", counter.Next(Day).Display);
        Assert.Equal("B001", counter.Next(Day).Display);
    }

    [Fact]
    public void Next_NextBusinessDay_ResetsToA001()
    {
        var counter = new DailyPickupCounter(Day, last: 250);

        var next = counter.Next(Day.AddDays(1));

        Assert.Equal(new PickupNumber(Day.AddDays(1), 1), next);
        Assert.Equal("A002", counter.Next(Day.AddDays(1)).Display);
    }

    [Fact]
    public void Next_SeveralDaysLater_ResetsToA001()
    {
        var counter = new DailyPickupCounter(Day, last: 3);

        Assert.Equal(new PickupNumber(Day.AddDays(3), 1), counter.Next(Day.AddDays(3)));
    }

    [Fact]
    public void Next_DayGoesBackwards_KeepsCountingOnTheLaterDay()
    {
        var counter = new DailyPickupCounter(Day, last: 0);
        counter.Next(Day.AddDays(1));
        counter.Next(Day.AddDays(1));

        var afterStepBack = counter.Next(Day);

        Assert.Equal(new PickupNumber(Day.AddDays(1), 3), afterStepBack);
        Assert.Equal(new PickupNumber(Day.AddDays(1), 4), counter.Next(Day.AddDays(1)));
    }

    [Fact]
    public void Constructor_NegativeLast_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DailyPickupCounter(Day, -1));
    }

    [Fact]
    public void Next_AcrossShanghaiMidnight_ResetsAtLocalNotUtcMidnight()
    {
        // 15:59:58 UTC is 23:59:58 in Shanghai; UTC midnight (08:00 local) must not reset the count.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
        var counter = new DailyPickupCounter(BusinessDay(clock), last: 0);
        PickupNumber Take() => counter.Next(BusinessDay(clock));

        var morning = Take();
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 15, 59, 58, TimeSpan.Zero));
        var lateEvening = Take();
        clock.Advance(TimeSpan.FromSeconds(1));
        var lastSecond = Take();
        clock.Advance(TimeSpan.FromSeconds(1));
        var firstOfNextDay = Take();
        var secondOfNextDay = Take();

        Assert.Equal(new PickupNumber(new DateOnly(2026, 11, 24), 1), morning);
        Assert.Equal(new PickupNumber(new DateOnly(2026, 11, 24), 2), lateEvening);
        Assert.Equal(new PickupNumber(new DateOnly(2026, 11, 24), 3), lastSecond);
        Assert.Equal(new PickupNumber(new DateOnly(2026, 11, 25), 1), firstOfNextDay);
        Assert.Equal("A002", secondOfNextDay.Display);
    }

    private static DateOnly BusinessDay(TimeProvider clock) => PickupNumber.BusinessDayOf(clock.GetUtcNow(), Shanghai);
}
