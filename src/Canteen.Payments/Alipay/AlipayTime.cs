using System.Globalization;

namespace Canteen.Payments.Alipay;

/// <summary>
/// Alipay's timestamps: <c>yyyy-MM-dd HH:mm:ss</c> in China Standard Time with no zone marker. CST is a fixed UTC+8
/// (China has no daylight saving), so a constant offset is exact and needs no time-zone database.
/// </summary>
internal static class AlipayTime
{
    private const string Pattern = "yyyy-MM-dd HH:mm:ss";
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset instant) =>
        instant.ToOffset(ChinaStandardTime).ToString(Pattern, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        if (DateTime.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            instant = new DateTimeOffset(local, ChinaStandardTime);
            return true;
        }

        instant = default;
        return false;
    }
}
