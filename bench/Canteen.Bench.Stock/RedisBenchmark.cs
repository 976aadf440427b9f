using System.Diagnostics;
using System.Globalization;
using System.Net;
using Canteen.Core.Inventory;
using StackExchange.Redis;

namespace Canteen.Bench.Stock;

/// <summary>
/// The yardstick for the Redis authority: redis-benchmark running the very same try script (same SHA, EVALSHA, with
/// the order-index claim in the script as on a single node) on the same hot dish, with the same number of
/// connections and requests, each request a random order id
/// (<c>-r</c> is parsed as a 32-bit int, hence 2e9: a few ids repeat, and a repeat is a cheaper idempotent replay).
/// </summary>
internal static class RedisBenchmark
{
    public sealed record Outcome(double RequestsPerSecond, double P50Ms, double P99Ms, StockLevel Level, int Portions)
    {
        public bool InvariantHolds => Level.IsConsistent && Level.Total == Portions;
    }

    public static async Task<Outcome> RunAsync(IConnectionMultiplexer redis, BenchOptions options)
    {
        var portions = options.PortionsOrDefault;
        var (authority, prefix) = await BenchTarget.CreateRedisAsync(redis, BenchTarget.Totals(portions));
        try
        {
            var sha = await authority.GetTryScriptShaAsync();
            var (host, port) = Endpoint(options.Redis);
            var deadline = DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            string[] args =
            [
                "-h", host, "-p", port, "-c", Str(options.Callers), "-n", Str(options.Attempts), "-r", "2000000000", "--csv",
                "EVALSHA", sha, "3",
                $"{prefix}:{{{HoldRun.Store}}}:hold:__rand_int__", $"{prefix}:{{{HoldRun.Store}}}:stock:{HoldRun.HotDish}",
                $"{prefix}:order:__rand_int__",
                deadline, HoldRun.Store, "172800", "1", HoldRun.HotDish,
            ];
            var csv = await RunProcessAsync("redis-benchmark", args, TimeSpan.FromSeconds(120));

            // CSV: a header line, then "EVALSHA ...","rps","avg","min","p50","p95","p99","max".
            var fields = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Last().Split("\",\"").Select(f => f.Trim('"')).ToArray();
            var level = await authority.GetLevelAsync(HoldRun.Store, HoldRun.HotDish, CancellationToken.None)
                ?? throw new InvalidOperationException("The hot dish vanished.");
            return new Outcome(Double(fields[^7]), Double(fields[^4]), Double(fields[^2]), level, portions);
        }
        finally
        {
            await BenchTarget.DeleteKeysAsync(redis, prefix);
        }
    }

    private static async Task<string> RunProcessAsync(string file, string[] args, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} ran longer than {limit}.");
        }

        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {await error}");
    }

    private static (string Host, string Port) Endpoint(string configuration) =>
        ConfigurationOptions.Parse(configuration).EndPoints[0] switch
        {
            DnsEndPoint dns => (dns.Host, Str(dns.Port == 0 ? 6379 : dns.Port)),
            IPEndPoint ip => (ip.Address.ToString(), Str(ip.Port == 0 ? 6379 : ip.Port)),
            var other => throw new ArgumentException($"Unsupported Redis endpoint {other}."),
        };

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static double Double(string value) => double.Parse(value, CultureInfo.InvariantCulture);
}
