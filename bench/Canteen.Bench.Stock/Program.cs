using System.Globalization;
using Canteen.Bench.Stock;
using StackExchange.Redis;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"stock bench: {options.Callers} callers, up to {options.Attempts} attempts or {options.Duration.TotalSeconds} s per authority, " +
    $"hot dish of {options.PortionsOrDefault} portions, 1 portion per Try, {Environment.ProcessorCount} cores"));
Console.WriteLine($"load average at start: {LoadAverage()}");

await using var redis = options.Authorities.Any(a => a.StartsWith("redis", StringComparison.Ordinal)) ? await ConnectionMultiplexer.ConnectAsync(options.Redis) : null;
var results = new List<RunResult>();
RedisBenchmark.Outcome? yardstick = null;
var orderIds = 1L;
foreach (var name in options.Authorities)
{
    Console.WriteLine($"running {name} ...");
    await using var target = await BenchTarget.CreateAsync(name, options, redis);

    // Warm-up on another dish: JIT, connection pools, the script cache, the batcher's loop.
    var warmUp = options with { Attempts = Math.Min(5_000, options.Attempts), Duration = TimeSpan.FromSeconds(2) };
    await HoldRun.RunAsync(name, target.Authority, warmUp, orderIds, HoldRun.WarmDish);
    orderIds += 1_000_000_000;

    results.Add(await HoldRun.RunAsync(name, target.Authority, options, orderIds));
    orderIds += 1_000_000_000;
    if (name == "redis")
    {
        Console.WriteLine("running redis-benchmark ...");
        yardstick = await RedisBenchmark.RunAsync(redis!, options);
    }
}

var ok = Report.Print(results, yardstick, Console.Out);
Console.WriteLine($"load average at end: {LoadAverage()}");
return ok ? 0 : 1;

// Other work on the machine moves every number here; the load average says how much there was.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
