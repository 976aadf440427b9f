using System.Globalization;

namespace Canteen.Bench.Stock;

/// <summary>Command-line options; every run is bounded by a count and a time, on loopback services.</summary>
internal sealed record BenchOptions
{
    public int Callers { get; init; } = 64;

    public int Attempts { get; init; } = 200_000;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Portions of the hot dish; by default half the attempts, so demand exceeds supply and sold-out is exercised.</summary>
    public int? Portions { get; init; }

    public IReadOnlyList<string> Authorities { get; init; } = ["inprocess", "redis", "redis-twostep", "postgres", "postgres-unbatched"];

    public string Redis { get; init; } = Environment.GetEnvironmentVariable("CANTEEN_TEST_REDIS") ?? "127.0.0.1:6379";

    public string Postgres { get; init; } = Environment.GetEnvironmentVariable("CANTEEN_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=canteen;Password=canteen;Database=canteen";

    public int PortionsOrDefault => Portions ?? Math.Max(1, Attempts / 2);

    public const string Usage = """
        Canteen.Bench.Stock: holds/s of each stock authority on ONE hot dish with many concurrent callers.
          --callers N        concurrent callers (default 64)
          --attempts N       Try attempts per authority, at most (default 200000)
          --seconds N        time limit per authority (default 10)
          --portions N       portions of the hot dish (default attempts / 2)
          --only a,b         authorities: inprocess, redis, redis-twostep, postgres, postgres-unbatched (default all)
          --redis ADDR       Redis (default $CANTEEN_TEST_REDIS or 127.0.0.1:6379)
          --postgres CS      PostgreSQL connection string (default $CANTEEN_TEST_POSTGRES or the local canteen db)
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--callers" => options with { Callers = Int(value) },
                "--attempts" => options with { Attempts = Int(value) },
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--portions" => options with { Portions = Int(value) },
                "--only" => options with { Authorities = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--redis" => options with { Redis = value },
                "--postgres" => options with { Postgres = value },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
            i++;
        }

        return options;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
