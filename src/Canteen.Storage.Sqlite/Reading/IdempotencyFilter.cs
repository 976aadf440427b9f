using Microsoft.Data.Sqlite;

namespace Canteen.Storage.Sqlite.Reading;

/// <summary>
/// A Bloom filter over the (scope, key) pairs of <c>idempotency_keys</c>: it answers "certainly not stored" for
/// nearly every new key, so the lookup in front of each order skips SQLite. That lookup was the dearest part of an
/// order: every commit invalidates a pooled reader's page cache, so each lookup re-read its index pages from the
/// file (measured: ≈ 100–150 µs of CPU per order, a quarter to a third of it; bench/RESULTS.md).
/// </summary>
/// <remarks>
/// <para>Never wrong, because this process writes every key: the writer adds a key here before the
/// statement that inserts it runs, so at every instant the filter holds a superset of the committed keys. A false
/// "maybe" only costs the lookup it would have cost anyway; a false "no" cannot happen. A key whose batch rolls back
/// stays in the filter: harmless, it is just another false "maybe".</para>
/// <para>Another process writing the same file is not supported in embedded mode (one relay, one writer); if one
/// did, a key it stored would be missed here, the order would reach the writer, and its insert would hit the primary
/// key and fail that write alone: a refused request, never a duplicate order.</para>
/// <para>Sized at start-up for <c>max(capacity, 2 × stored keys)</c> keys at 10–20 bits each (rounded up to a power
/// of two; false "maybe" rate under 1 % when full); past that the rate climbs and lookups come back gradually, never
/// wrongly. A key pruned from storage after its retention stays here as a harmless "maybe" until a restart
/// re-sizes the filter.</para>
/// </remarks>
internal sealed class IdempotencyFilter
{
    private const int Hashes = 7;
    private const int BitsPerKey = 10;
    private const int MinBits = 1 << 16;
    private const int MaxBits = 1 << 30;

    private readonly int _capacity;
    private long[]? _words;
    private int _mask;
    private long _skipped;

    /// <param name="capacity">Keys to size for; 0 turns the filter off (every lookup reads SQLite).</param>
    public IdempotencyFilter(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
    }

    /// <summary>Whether <see cref="Load"/> has run with a non-zero capacity; until then every key is a "maybe".</summary>
    public bool IsActive => Volatile.Read(ref _words) is not null;

    /// <summary>Lookups answered "not stored" without reading SQLite (for tests and diagnostics).</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Builds the filter from every stored key; runs once, at initialisation, before the first lookup.</summary>
    public void Load(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (_capacity == 0 || _words is not null)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM idempotency_keys;";
        var stored = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        var bits = (int)Math.Clamp(
            (long)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)(Math.Max(_capacity, 2 * stored) * BitsPerKey)),
            MinBits,
            MaxBits);
        var words = new long[bits / 64];
        var mask = bits - 1;

        command.CommandText = "SELECT scope, key FROM idempotency_keys;";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                Set(words, mask, reader.GetString(0), reader.GetString(1));
            }
        }

        _mask = mask;
        Volatile.Write(ref _words, words);
    }

    /// <summary>Records a key about to be stored. Call before the insert, so the filter never lags storage.</summary>
    public void Add(string scope, string key)
    {
        var words = Volatile.Read(ref _words);
        if (words is not null)
        {
            Set(words, _mask, scope, key);
        }
    }

    /// <summary>False only when the key is certainly not stored.</summary>
    public bool MightContain(string scope, string key)
    {
        var words = Volatile.Read(ref _words);
        if (words is null)
        {
            return true;
        }

        var (h1, h2) = Hash(scope, key);
        for (var i = 0; i < Hashes; i++)
        {
            var bit = Probe(h1, h2, i, _mask);
            if ((Volatile.Read(ref words[bit >> 6]) & (1L << bit)) == 0)
            {
                Interlocked.Increment(ref _skipped);
                return false;
            }
        }

        return true;
    }

    private static void Set(long[] words, int mask, string scope, string key)
    {
        var (h1, h2) = Hash(scope, key);
        for (var i = 0; i < Hashes; i++)
        {
            var bit = Probe(h1, h2, i, mask);

            // Interlocked: the writer adds while request threads read, and a lost bit would be a false "no".
            Interlocked.Or(ref words[bit >> 6], 1L << bit);
        }
    }

    // The i-th bit a key sets and a lookup tests: both sides must agree exactly, so there is one formula.
    private static int Probe(uint h1, uint h2, int i, int mask) => (int)((h1 + (uint)i * h2) & (uint)mask);

    // Double hashing (Kirsch–Mitzenmacher) from two mixes of the strings' own hash codes. They are randomised per
    // process, which is fine: the filter is rebuilt at every start and never leaves the process.
    private static (uint H1, uint H2) Hash(string scope, string key)
    {
        var s = scope.GetHashCode(StringComparison.Ordinal);
        var k = key.GetHashCode(StringComparison.Ordinal);
        var h1 = (uint)HashCode.Combine(s, k);
        var h2 = (uint)HashCode.Combine(k, s, 0x2545F491) | 1; // odd: the probes visit distinct bits of a power-of-two table
        return (h1, h2);
    }
}
