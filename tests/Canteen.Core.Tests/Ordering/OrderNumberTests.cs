using System.Text.RegularExpressions;
using Canteen.Core.Ordering;
using Xunit;

namespace Canteen.Core.Tests.Ordering;

public sealed partial class OrderNumberTests
{
    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}$")]
    private static partial Regex Shape();

    // Values of every magnitude, so pairs compare numbers of different lengths, not just huge ones.
    private static long[] RandomIds(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => random.NextInt64(0, long.MaxValue) >> random.Next(0, 63)).ToArray();
    }

    [Theory]
    [InlineData(0L, "0000-0000-00000")]
    [InlineData(1L, "0000-0000-00001")]
    [InlineData(31L, "0000-0000-0000Z")]
    [InlineData(32L, "0000-0000-00010")]
    [InlineData(long.MaxValue, "7ZZZ-ZZZZ-ZZZZZ")]
    public void Format_KnownValue_IsFixedWidthCrockford(long id, string expected)
    {
        Assert.Equal(expected, OrderNumber.Format(id));
    }

    [Fact]
    public void Format_RandomIds_Are15CharsInThreeGroupsWithoutAmbiguousLetters()
    {
        foreach (var id in RandomIds(seed: 1, count: 2000))
        {
            var number = OrderNumber.Format(id);

            Assert.Equal(15, number.Length);
            Assert.Matches(Shape(), number);
        }
    }

    [Fact]
    public void Format_NegativeId_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderNumber.Format(-1));
    }

    [Fact]
    public void Parse_FormattedRandomIds_RoundTrip()
    {
        foreach (var id in RandomIds(seed: 2, count: 10_000).Concat([0, 1, long.MaxValue, long.MaxValue - 1]))
        {
            Assert.Equal(id, OrderNumber.Parse(OrderNumber.Format(id)));
        }
    }

    [Fact]
    public void Parse_LowerCase_AcceptedLikeUpperCase()
    {
        const long Id = 736_154_902_117_881_345;

        Assert.Equal(Id, OrderNumber.Parse(OrderNumber.Format(Id).ToLowerInvariant()));
    }

    [Fact]
    public void Format_RandomPairs_SortLikeTheNumbers()
    {
        var left = RandomIds(seed: 3, count: 10_000);
        var right = RandomIds(seed: 4, count: 10_000);

        for (var i = 0; i < left.Length; i++)
        {
            var text = Math.Sign(string.CompareOrdinal(OrderNumber.Format(left[i]), OrderNumber.Format(right[i])));
            Assert.True(Math.Sign(left[i].CompareTo(right[i])) == text, $"{left[i]} vs {right[i]} sorts differently as text.");
        }
    }

    [Fact]
    public void Format_SortedIds_SortedTextInTheSameOrder()
    {
        var ids = RandomIds(seed: 5, count: 5000).Distinct().Order().ToArray();

        var texts = ids.Select(OrderNumber.Format).ToArray();

        Assert.Equal(texts.Order(StringComparer.Ordinal), texts);
    }

    [Theory]
    [InlineData("0000-0000-0000I")]
    [InlineData("0000-0000-0000L")]
    [InlineData("0000-0000-0000O")]
    [InlineData("0000-0000-0000U")]
    [InlineData("0000 0000 00000")]
    [InlineData("0000_0000_00000")]
    [InlineData("ABCD-EFGH-!2345")]
    [InlineData("0000-0000-0000é")]
    public void Parse_InvalidCharacter_ThrowsFormatException(string number)
    {
        Assert.Throws<FormatException>(() => OrderNumber.Parse(number));
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => OrderNumber.Parse(null!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("0000000000001")]
    [InlineData("0000-0000-0000")]
    [InlineData("G000-0000-00001")]
    [InlineData("8000-0000-00000")]
    public void Parse_NotTheFormattedShape_ThrowsFormatException(string number) =>
        Assert.Throws<FormatException>(() => OrderNumber.Parse(number));
}
