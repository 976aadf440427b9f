namespace Canteen.Bench.Stock;

/// <summary>
/// Prints the results as a Markdown table, the redis-benchmark ratio, and the oversell verdict. Numbers are
/// formatted with the invariant culture (the build sets InvariantGlobalization).
/// </summary>
internal static class Report
{
    public static bool Print(IReadOnlyList<RunResult> results, RedisBenchmark.Outcome? yardstick, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("| authority | callers | attempts | held | sold out | tries/s | holds/s | p50 ms | p99 ms | after: avail/res/sold | invariant |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var r in results)
        {
            output.WriteLine(
                $"| {r.Authority} | {r.Callers} | {r.Attempts} | {r.Held} | {r.SoldOut} | {r.TriesPerSecond:F0} | {r.HoldsPerSecond:F0} | " +
                $"{r.P50Ms:F2} | {r.P99Ms:F2} | {r.Level.Available}/{r.Level.Reserved}/{r.Level.Sold} | {(r.InvariantHolds ? "ok, 0 oversold" : $"BROKEN, {r.Oversold} oversold")} |");
        }

        var ok = results.All(r => r.InvariantHolds);
        if (yardstick is not null)
        {
            var ours = results.First(r => r.Authority == "redis");
            output.WriteLine();
            output.WriteLine(
                $"redis-benchmark, same try script (EVALSHA), same -c/-n: {yardstick.RequestsPerSecond:F0} req/s, p50 {yardstick.P50Ms:F2} ms, " +
                $"p99 {yardstick.P99Ms:F2} ms; after: {yardstick.Level.Available}/{yardstick.Level.Reserved}/{yardstick.Level.Sold} " +
                $"({(yardstick.InvariantHolds ? "ok" : "BROKEN")})");
            output.WriteLine(
                $"ratio RedisStockAuthority / redis-benchmark = {ours.TriesPerSecond:F0} / {yardstick.RequestsPerSecond:F0} = " +
                $"{ours.TriesPerSecond / yardstick.RequestsPerSecond:F2} (goal >= 0.50)");
            ok &= yardstick.InvariantHolds;
        }

        output.WriteLine();
        output.WriteLine(ok ? "oversells: 0 in every run (available + reserved + sold == total, none negative)" : "OVERSELL OR BROKEN INVARIANT: see the table");
        return ok;
    }
}
