using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Tests.Workload;

public sealed class ZipfSamplerTests
{
    private const int Ranks = 13;
    private const double Exponent = 1.1;
    private const int Draws = 100_000;

    [Fact]
    public void Next_FixedSeed_FirstRankDrawnFarMoreOftenThanTheLast()
    {
        var counts = Sample(new ZipfSampler(Ranks, Exponent), new Random(42));

        // 1/1 against 1/13^1.1: the top dish should come up about 17 times as often as the bottom one.
        Assert.True(counts[0] > 10 * counts[Ranks - 1], $"rank 1: {counts[0]}, rank {Ranks}: {counts[Ranks - 1]}");
        Assert.True(counts[0] > counts[1] && counts[1] > counts[4] && counts[4] > counts[Ranks - 1], string.Join(", ", counts));
    }

    // The shares themselves, not just their order: a wrong exponent or an off-by-one rank shifts them by far more.
    [Fact]
    public void Next_FixedSeed_SharesFollowOneOverRankToTheExponent()
    {
        var counts = Sample(new ZipfSampler(Ranks, Exponent), new Random(42));
        var harmonic = Enumerable.Range(1, Ranks).Sum(k => 1 / Math.Pow(k, Exponent));

        for (var k = 0; k < Ranks; k++)
        {
            var expected = 1 / Math.Pow(k + 1, Exponent) / harmonic;
            Assert.InRange((double)counts[k] / Draws, expected - 0.01, expected + 0.01);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(50)]
    public void Next_AnyDraw_IsAValidIndex(int ranks)
    {
        var counts = Sample(new ZipfSampler(ranks, Exponent), new Random(7), ranks);

        // Every rank reachable, the last one included.
        Assert.All(counts, c => Assert.True(c > 0));
    }

    [Fact]
    public void Next_SameSeed_SameSequence()
    {
        var sampler = new ZipfSampler(Ranks, Exponent);
        var first = new Random(3);
        var second = new Random(3);

        Assert.Equal(Enumerable.Range(0, 1000).Select(_ => sampler.Next(first)), Enumerable.Range(0, 1000).Select(_ => sampler.Next(second)));
    }

    [Fact]
    public void Constructor_NoRanks_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ZipfSampler(0, Exponent));
    }

    private static int[] Sample(ZipfSampler sampler, Random random, int ranks = Ranks)
    {
        var counts = new int[ranks];
        for (var i = 0; i < Draws; i++)
        {
            var index = sampler.Next(random);
            Assert.InRange(index, 0, ranks - 1);
            counts[index]++;
        }

        return counts;
    }
}
