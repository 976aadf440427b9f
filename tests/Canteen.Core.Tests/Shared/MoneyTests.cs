using Canteen.Core.Shared;
using Xunit;

namespace Canteen.Core.Tests.Shared;

public sealed class MoneyTests
{
    [Fact]
    public void Add_SameCurrency_SumsMinorUnits()
    {
        var sum = new Money(2800, "CNY").Add(new Money(350, "CNY"));

        Assert.Equal(new Money(3150, "CNY"), sum);
    }

    [Fact]
    public void PlusOperator_SameCurrency_MatchesAdd()
    {
        var sum = new Money(-200, "CNY") + new Money(500, "CNY");

        Assert.Equal(300, sum.Minor);
        Assert.Equal("CNY", sum.Currency);
    }

    [Theory]
    [InlineData(2800, 3, 8400)]
    [InlineData(2800, 1, 2800)]
    [InlineData(2800, 0, 0)]
    [InlineData(150, -2, -300)]
    public void Multiply_ByFactor_ScalesMinorUnits(long minor, int factor, long expected)
    {
        var money = new Money(minor, "CNY");

        Assert.Equal(new Money(expected, "CNY"), money.Multiply(factor));
        Assert.Equal(new Money(expected, "CNY"), money * factor);
    }

    [Fact]
    public void Add_MixedCurrencies_ThrowsCurrencyMismatch()
    {
        var ex = Assert.Throws<DomainException>(() => new Money(100, "CNY") + new Money(100, "USD"));

        Assert.Equal("currency_mismatch", ex.Code);
    }

    [Theory]
    [InlineData(long.MaxValue, 1)]
    [InlineData(long.MinValue, -1)]
    [InlineData(long.MaxValue / 2 + 1, long.MaxValue / 2 + 1)]
    public void Add_BeyondLongRange_ThrowsMoneyOverflow(long left, long right)
    {
        var ex = Assert.Throws<DomainException>(() => new Money(left, "CNY") + new Money(right, "CNY"));

        Assert.Equal("money_overflow", ex.Code);
    }

    [Theory]
    [InlineData(long.MaxValue, 2)]
    [InlineData(long.MinValue, -1)]
    [InlineData(long.MaxValue / 1000, 1001)]
    [InlineData(-(long.MaxValue / 1000), int.MaxValue)]
    public void Multiply_BeyondLongRange_ThrowsMoneyOverflow(long minor, int factor)
    {
        var ex = Assert.Throws<DomainException>(() => new Money(minor, "CNY") * factor);

        Assert.Equal("money_overflow", ex.Code);
    }

    [Fact]
    public void Add_UpToLongMaxValue_DoesNotThrow()
    {
        var sum = new Money(long.MaxValue - 1, "CNY") + new Money(1, "CNY");

        Assert.Equal(long.MaxValue, sum.Minor);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cny")]
    [InlineData("Cny")]
    [InlineData("CN")]
    [InlineData("CNYY")]
    [InlineData("C1Y")]
    [InlineData(" CN")]
    [InlineData("ÄBC")]
    public void Constructor_InvalidCurrencyCode_ThrowsInvalidCurrency(string? currency)
    {
        var ex = Assert.Throws<DomainException>(() => new Money(100, currency!));

        Assert.Equal("invalid_currency", ex.Code);
    }

    [Theory]
    [InlineData("CNY", true)]
    [InlineData("USD", true)]
    [InlineData("usd", false)]
    [InlineData("US", false)]
    [InlineData(null, false)]
    public void IsCurrencyCode_Code_ReportsValidity(string? code, bool expected)
    {
        Assert.Equal(expected, Money.IsCurrencyCode(code));
    }

    [Theory]
    [InlineData(2800, "28.00 CNY")]
    [InlineData(5, "0.05 CNY")]
    [InlineData(0, "0.00 CNY")]
    [InlineData(123456, "1234.56 CNY")]
    [InlineData(-150, "-1.50 CNY")]
    public void ToString_Amount_FormatsMajorDotMinorAndCurrency(long minor, string expected)
    {
        Assert.Equal(expected, new Money(minor, "CNY").ToString());
    }

    [Fact]
    public void Zero_Currency_IsZeroInThatCurrency()
    {
        Assert.Equal(new Money(0, "EUR"), Money.Zero("EUR"));
    }

    [Fact]
    public void Equals_SameAmountOtherCurrency_IsFalse()
    {
        Assert.NotEqual(new Money(100, "CNY"), new Money(100, "USD"));
        Assert.NotEqual(new Money(100, "CNY"), new Money(101, "CNY"));
    }

    [Theory]
    [InlineData(-50, "-0.50 CNY")]
    [InlineData(-1, "-0.01 CNY")]
    [InlineData(-1234, "-12.34 CNY")]
    [InlineData(long.MinValue, "-92233720368547758.08 CNY")]
    public void ToString_NegativeAmounts_KeepTheirSign(long minor, string expected) =>
        Assert.Equal(expected, new Money(minor, "CNY").ToString());
}
