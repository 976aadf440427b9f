namespace Canteen.Engine.Inventory;

/// <summary>
/// Local midnights of a store's time zone as UTC instants: where one business day ends and the next begins.
/// </summary>
internal static class StoreMidnight
{
    /// <summary>The first local midnight strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset Next(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var next = At(today.AddDays(1), zone);
        return next > now ? next : At(today.AddDays(2), zone);
    }

    /// <summary>The latest local midnight at or before <paramref name="now"/>: the start of the current business day.</summary>
    public static DateTimeOffset Last(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var start = At(today, zone);
        return start <= now ? start : At(today.AddDays(-1), zone);
    }

    /// <summary>The IANA (or system) time zone of that id, or null when this machine does not know it.</summary>
    public static TimeZoneInfo? FindZone(string timeZoneId)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    private static DateTimeOffset At(DateTime localDate, TimeZoneInfo zone)
    {
        // A few zones move their clocks at midnight, so 00:00 may not exist that day: the day then starts at the
        // first local minute that does. An ambiguous midnight (clocks going back) uses the earlier instant.
        var local = localDate;
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
