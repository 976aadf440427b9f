using System.Globalization;

namespace Canteen.Core.Shared;

/// <summary>
/// An amount in integer minor units (fen for CNY) with its ISO 4217 currency. Never floating point: totals must
/// add up to the fen, and arithmetic refuses mixed currencies and overflow rather than producing a wrong number.
/// </summary>
public readonly record struct Money
{
    public Money(long minor, string currency)
    {
        if (!IsCurrencyCode(currency))
        {
            throw new DomainException("invalid_currency", $"'{currency}' is not a three-letter ISO 4217 code.");
        }

        Minor = minor;
        Currency = currency;
    }

    public long Minor { get; }

    public string Currency { get; }

    public static Money Zero(string currency) => new(0, currency);

    public static Money operator +(Money left, Money right) => left.Add(right);

    public static Money operator *(Money left, int factor) => left.Multiply(factor);

    // Every line of every order adds and multiplies: written out, not through a helper taking a lambda, so that the
    // arithmetic allocates nothing (a closure and a delegate each time before).
    public Money Add(Money other)
    {
        EnsureSameCurrency(other);
        try
        {
            return new Money(checked(Minor + other.Minor), Currency);
        }
        catch (OverflowException ex)
        {
            throw Overflow(ex);
        }
    }

    public Money Multiply(int factor)
    {
        try
        {
            return new Money(checked(Minor * factor), Currency);
        }
        catch (OverflowException ex)
        {
            throw Overflow(ex);
        }
    }

    public override string ToString()
    {
        // Through decimal: -50 fen must print "-0.50", and Math.Abs(long.MinValue) would throw.
        var abs = Math.Abs((decimal)Minor);
        return string.Create(CultureInfo.InvariantCulture, $"{(Minor < 0 ? "-" : "")}{decimal.Truncate(abs / 100)}.{abs % 100:00} {Currency}");
    }

    public static bool IsCurrencyCode(string? code) =>
        code is { Length: 3 } && IsUpperLetter(code[0]) && IsUpperLetter(code[1]) && IsUpperLetter(code[2]);

    private void EnsureSameCurrency(Money other)
    {
        if (!string.Equals(Currency, other.Currency, StringComparison.Ordinal))
        {
            throw new DomainException("currency_mismatch", $"Cannot combine {Currency} with {other.Currency}.");
        }
    }

    private static bool IsUpperLetter(char c) => c is >= 'A' and <= 'Z';

    private static DomainException Overflow(OverflowException ex) =>
        new("money_overflow", "The amount is too large: " + ex.Message);
}
