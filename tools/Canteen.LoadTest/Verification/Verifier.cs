using Canteen.LoadTest.Reporting;
using Canteen.LoadTest.Running;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Verification;

/// <summary>The post-run check: acknowledged orders are durable and readable, and the stock adds up.</summary>
internal sealed class Verifier(HttpClient client, string? staffAuthorization, int parallelism)
{
    /// <summary>How far the read-back got, also when <see cref="RunAsync"/> threw before finishing.</summary>
    public ReadbackTally ReadBack { get; } = new();

    public async Task<VerificationReport> RunAsync(
        AckLog acks,
        IReadOnlyDictionary<string, IReadOnlyList<StockLevel>?> stockBefore,
        IEnumerable<string> storeIds,
        int verifyMax,
        TimeSpan expireWait,
        CancellationToken cancellationToken)
    {
        var messages = new List<string>();
        var expiring = expireWait > TimeSpan.Zero;
        if (expiring)
        {
            Console.WriteLine($"waiting {expireWait.TotalSeconds:N0} s for the server to expire every unpaid order (--expire-wait)");
            await Task.Delay(expireWait, cancellationToken);
            messages.Add($"verified {expireWait.TotalSeconds:N0} s after the run (--expire-wait): every order read back must be cancelled, every hold released");
        }

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
            messages.Add($"{acks.PlacedWithoutLocation:N0} orders were acknowledged without a usable Location header, so nobody could read them back: that fails the check");
        }

        messages.AddRange(acks.UndefinedSuccesses.Select(u => u.Kind == OperationKind.Order
            ? $"{u.Count:N0} order placements answered {u.Status}, which the API does not define (a placed order is 201); counted as unknown"
            : $"{u.Count:N0} cancels answered {u.Status}, which the API does not define (a cancelled order is 200); counted as unknown"));

        messages.AddRange(await OrderReadback.RunAsync(client, sample, staffAuthorization, parallelism, expiring, ReadBack, cancellationToken));
        if (ReadBack.NotExpired > 0)
        {
            messages.Add($"{ReadBack.NotExpired:N0} orders read back were not cancelled {expireWait.TotalSeconds:N0} s after the run");
        }

        var reader = new StockReader(client, staffAuthorization);
        var (stockAfter, problems) = await reader.ReadAllAsync(storeIds, cancellationToken);
        messages.AddRange(problems);
        var (levels, stockPassed, stockMessages) = expiring
            ? StockChecker.CheckAllReleased(stockBefore, stockAfter)
            : StockChecker.Check(stockBefore, stockAfter, acks);
        messages.AddRange(stockMessages);

        var (invariant, invariantFailed) = await InvariantProbe.RunAsync(client, staffAuthorization, cancellationToken);
        var passed = ReadBack.Missing == 0 && acks.PlacedWithoutLocation == 0 && ReadBack.NotExpired == 0 && stockPassed && !invariantFailed;
        return new VerificationReport(true, passed, acks.Acknowledged, ReadBack.Checked, ReadBack.Missing, levels, invariant, messages);
    }
}
