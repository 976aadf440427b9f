namespace Canteen.Stock.Postgres;

/// <summary>Where the PostgreSQL stock authority keeps its tables, and whether Try requests are batched.</summary>
public sealed class PostgresStockOptions
{
    /// <summary>An Npgsql connection string (<c>Canteen:Postgres:ConnectionString</c>); its search path picks the schema.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// When true (the default), concurrent Try requests are coalesced: one transaction takes the whole queue, so a
    /// hot dish's row is locked and updated once per commit instead of once per order. When false, each Try is its
    /// own transaction with one conditional UPDATE per dish.
    /// </summary>
    public bool BatchTries { get; set; } = true;

    /// <summary>The most Try requests one batched transaction takes.</summary>
    public int MaxBatch { get; set; } = 512;

    /// <summary>How long a Cancel's barrier (and a cancelled hold) is kept; older ones are purged at a daily reset.</summary>
    public TimeSpan BarrierTtl { get; set; } = TimeSpan.FromDays(1);
}
