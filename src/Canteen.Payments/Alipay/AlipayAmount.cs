using System.Globalization;
using Canteen.Core.Shared;

namespace Canteen.Payments.Alipay;

/// <summary>
/// Alipay amounts are yuan strings with at most two decimals (<c>12.50</c>); ours are fen. Conversion goes through
/// decimal so no amount is ever rounded: a value with a third decimal is refused, not truncated.
/// </summary>
internal static class AlipayAmount
{
    public const string Currency = "CNY";

    public static string Format(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    public static bool TryParse(string? yuan, out Money amount)
    {
        amount = default;
        if (!decimal.TryParse(yuan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var fen = value * 100m;
        if (fen != decimal.Truncate(fen) || fen > long.MaxValue)
        {
            return false;
        }

        amount = new Money((long)fen, Currency);
        return true;
    }
}
