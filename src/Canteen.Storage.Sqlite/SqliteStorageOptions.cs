namespace Canteen.Storage.Sqlite;

/// <summary>Where the embedded store keeps its single SQLite file, and how hard each commit is made durable.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The folder of the database file; created when missing. Relative paths resolve against the working directory.</summary>
    public string DataDirectory { get; set; } = "./data";

    public string FileName { get; set; } = "canteen.db";

    /// <summary>
    /// <c>PRAGMA synchronous</c> of the write connection: <c>FULL</c> (the default) syncs the WAL on every commit, so
    /// an acknowledged order survives a power cut; <c>NORMAL</c> may lose the last commits then (never corrupts).
    /// One of <c>OFF</c>, <c>NORMAL</c>, <c>FULL</c>, <c>EXTRA</c>.
    /// </summary>
    public string Synchronous { get; set; } = "FULL";

    /// <summary>
    /// Idempotency keys the in-memory filter is sized for (10–20 bits each; the default takes 4 MiB): a lookup for a
    /// key the filter has never seen skips SQLite. 0 turns it off. Past this many keys lookups come back gradually;
    /// the next start sizes for twice the stored keys.
    /// </summary>
    public int IdempotencyFilterCapacity { get; set; } = 2_000_000;
}
