using Canteen.LoadTest.Reporting;
using Canteen.LoadTest.Running;

namespace Canteen.LoadTest.Verification;

/// <summary>The post-run check: acknowledged orders are durable and readable, and the stock adds up.</summary>
internal sealed class Verifier(HttpClient client, string? staffAuthorization, int parallelism)
{
    public async Task<VerificationReport> RunAsync(
        AckLog acks,
        IReadOnlyDictionary<string, IReadOnlyList<StockLevel>?> stockBefore,
        IEnumerable<string> storeIds,
        int verifyMax,
        CancellationToken cancellationToken)
    {
        var messages = new List<string>();
        var placed = acks.Placed.ToList();
        var sample = verifyMax > 0 && placed.Count > verifyMax
            ? placed.Where((_, i) => i % (placed.Count / verifyMax + 1) == 0).ToList()
            : placed;
        if (sample.Count < placed.Count)
        {
            messages.Add($"read back an even sample of {sample.Count:N0} of {placed.Count:N0} acknowledged orders (--verify-max)");
        }

        if (acks.PlacedWithoutLocation > 0)
        {
            messages.Add($"{acks.PlacedWithoutLocation:N0} orders were acknowledged without a Location header and could not be read back");
        }

        var (checkedCount, missing, samples) = await OrderReadback.RunAsync(client, sample, staffAuthorization, parallelism, cancellationToken);
        messages.AddRange(samples);

        var reader = new StockReader(client, staffAuthorization);
        var (stockAfter, problems) = await reader.ReadAllAsync(storeIds, cancellationToken);
        messages.AddRange(problems);
        var (levels, stockPassed, stockMessages) = StockChecker.Check(stockBefore, stockAfter, acks);
        messages.AddRange(stockMessages);

        var (invariant, invariantFailed) = await InvariantProbe.RunAsync(client, staffAuthorization, cancellationToken);
        var passed = missing == 0 && stockPassed && !invariantFailed;
        return new VerificationReport(true, passed, placed.Count + acks.PlacedWithoutLocation, checkedCount, missing, levels, invariant, messages);
    }
}
