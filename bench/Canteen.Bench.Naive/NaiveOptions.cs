namespace Canteen.Bench.Naive;

/// <summary>Where the baseline keeps its tables and what it stocks at start.</summary>
internal sealed class NaiveOptions
{
    public const string Section = "Naive";

    /// <summary>Default when neither <c>Naive:ConnectionString</c> nor <c>CANTEEN_TEST_POSTGRES</c> is set.</summary>
    public const string DefaultConnectionString = "Host=127.0.0.1;Username=canteen;Password=canteen;Database=canteen";

    public string ConnectionString { get; set; } = string.Empty;

    public string[] Stores { get; set; } = ["sh-jingan", "cd-chunxi", "bj-sanlitun"];

    /// <summary>The demo chain's limited dishes; other dishes have no stock row and lock nothing.</summary>
    public string[] LimitedDishes { get; set; } = ["braised-pork", "peking-duck", "crayfish", "squirrel-fish"];

    /// <summary>Portions of every limited dish at start; large, so the benchmark measures placing, not selling out.</summary>
    public int InitialStock { get; set; } = 1_000_000;

    public string ResolveConnectionString() =>
        !string.IsNullOrWhiteSpace(ConnectionString) ? ConnectionString
        : Environment.GetEnvironmentVariable("CANTEEN_TEST_POSTGRES") is { Length: > 0 } fromEnv ? fromEnv
        : DefaultConnectionString;
}
