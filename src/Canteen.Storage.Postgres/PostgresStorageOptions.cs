namespace Canteen.Storage.Postgres;

/// <summary>Where the distributed system of record lives: a PostgreSQL connection string and the schema to use.</summary>
public sealed class PostgresStorageOptions
{
    /// <summary>
    /// An Npgsql connection string (<c>Host=...;Username=...;Password=...;Database=...</c>). Required; bound from
    /// <c>Canteen:Postgres:ConnectionString</c> by the server.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The schema holding Canteen's tables, created by the first migration run if missing. It becomes the
    /// connections' <c>search_path</c>, so several deployments (or test runs) can share one database. Letters,
    /// digits and underscores only, not starting with a digit, at most 63 characters.
    /// </summary>
    public string Schema { get; set; } = "public";
}
