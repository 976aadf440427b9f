using Canteen.Engine.Inventory;
using Xunit;

namespace Canteen.Engine.Tests.Inventory;

public sealed class StoreMidnightTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void Next_ShanghaiNoon_Is1600Utc()
    {
        var noon = new DateTimeOffset(2026, 3, 14, 4, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 14, 16, 0, 0, TimeSpan.Zero), StoreMidnight.Next(noon, Shanghai));
    }

    [Fact]
    public void Next_ExactlyAtMidnight_IsTheFollowingOne()
    {
        var midnight = new DateTimeOffset(2026, 3, 14, 16, 0, 0, TimeSpan.Zero);

        Assert.Equal(midnight.AddDays(1), StoreMidnight.Next(midnight, Shanghai));
        Assert.Equal(midnight, StoreMidnight.Last(midnight, Shanghai));
    }

    [Fact]
    public void Last_ShanghaiNoon_IsTheMidnightThatStartedTheDay()
    {
        var noon = new DateTimeOffset(2026, 3, 14, 4, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 13, 16, 0, 0, TimeSpan.Zero), StoreMidnight.Last(noon, Shanghai));
    }

    [Fact]
    public void Next_LondonAcrossDaylightSaving_FollowsTheLocalClock()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        Assert.Equal(new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero), StoreMidnight.Next(new DateTimeOffset(2026, 3, 14, 4, 0, 0, TimeSpan.Zero), london));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 23, 0, 0, TimeSpan.Zero), StoreMidnight.Next(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero), london));
    }

    [Fact]
    public void Next_MidnightSkippedByDaylightSaving_IsTheFirstMinuteThatExists()
    {
        // São Paulo moved its clocks from 00:00 to 01:00 on 2018-11-04: that day began at 01:00 (UTC-2).
        var saoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var evening = new DateTimeOffset(2018, 11, 3, 20, 0, 0, TimeSpan.FromHours(-3));

        Assert.Equal(new DateTimeOffset(2018, 11, 4, 1, 0, 0, TimeSpan.FromHours(-2)), StoreMidnight.Next(evening, saoPaulo));
    }
}
