namespace Canteen.LoadTest.Workload;

/// <summary>
/// Picks index k of n with probability proportional to 1/(k+1)^s: a few dishes get most orders, as in a real
/// lunch rush, which is what makes stock and pricing caches hot or cold.
/// </summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int count, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _cumulative = new double[count];
        var sum = 0.0;
        for (var k = 0; k < count; k++)
        {
            sum += 1.0 / Math.Pow(k + 1, exponent);
            _cumulative[k] = sum;
        }

        for (var k = 0; k < count; k++)
        {
            _cumulative[k] /= sum;
        }
    }

    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(index >= 0 ? index : ~index, _cumulative.Length - 1);
    }
}
