namespace Canteen.Core.Ordering;

/// <summary>
/// Renders a 64-bit order id as 13 Crockford base-32 characters in groups (<c>0QK3-M8ZT-4G01R</c>). The width is
/// fixed, so the text sorts like the number (time order), and the alphabet avoids I, L, O and U for reading aloud.
/// </summary>
public static class OrderNumber
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Format(long id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        Span<char> digits = stackalloc char[13];
        var value = (ulong)id;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            digits[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return $"{digits[..4]}-{digits[4..8]}-{digits[8..]}";
    }

    public static long Parse(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        ulong value = 0;
        foreach (var c in number)
        {
            if (c == '-')
            {
                continue;
            }

            var digit = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (digit < 0)
            {
                throw new FormatException($"'{c}' is not a Crockford base-32 digit.");
            }

            value = checked((value << 5) | (uint)digit);
        }

        return checked((long)value);
    }
}
