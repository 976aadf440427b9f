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

    /// <summary>Parses exactly the form <see cref="Format"/> writes (case-insensitive); anything else is a <see cref="FormatException"/>.</summary>
    public static long Parse(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (number.Length != 15 || number[4] != '-' || number[9] != '-')
        {
            throw new FormatException("An order number has the form XXXX-XXXX-XXXXX.");
        }

        ulong value = 0;
        for (var i = 0; i < number.Length; i++)
        {
            if (i is 4 or 9)
            {
                continue;
            }

            var digit = Alphabet.IndexOf(char.ToUpperInvariant(number[i]), StringComparison.Ordinal);
            if (digit < 0)
            {
                throw new FormatException($"'{number[i]}' is not a Crockford base-32 digit.");
            }

            value = (value << 5) | (uint)digit;
        }

        // 13 digits carry 65 bits; a first digit above 7 would not fit a non-negative long.
        if (Alphabet.IndexOf(char.ToUpperInvariant(number[0]), StringComparison.Ordinal) > 7)
        {
            throw new FormatException("The order number is out of range.");
        }

        return (long)value;
    }
}
