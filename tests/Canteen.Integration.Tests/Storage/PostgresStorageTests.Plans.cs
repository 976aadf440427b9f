using Canteen.Storage.Postgres.Identity;
using Canteen.Storage.Postgres.Reading;
using Canteen.Storage.Postgres.Writing;

namespace Canteen.Integration.Tests.Storage;

/// <summary>
/// Plans of the statements that look rows up (or count them) by a list of keys. They are prepared once per pooled connection, and
/// PostgreSQL keeps a generic plan made then, often while the tables are new, empty and never analysed: such a plan
/// must still probe the primary key once per key when the table holds millions of rows.
/// </summary>
public sealed partial class PostgresStorageTests
{
    [Fact]
    public async Task IdempotencyLookup_GenericPlanOnANewEmptyTable_ProbesThePrimaryKeyInsteadOfScanning()
    {
        var plan = await GenericPlanAsync(
            IdempotencyQueries.FindManySql, "text[], text[]", "'{guest-1}', '{key-1}'", analysedRows: 0);

        Assert.Contains("Index Scan using idempotency_keys_pkey", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnpaidCount_GenericPlanOnANewEmptyTable_CountsFromThePartialIndexPerOwner()
    {
        var plan = await GenericPlanAsync(UserQueries.CountUnpaidManySql, "text[]", "'{guest-1,guest-2}'", analysedRows: 0);

        // Probed per owner: a plain join reads the whole index (every guest's unpaid orders) for each batch instead.
        Assert.Contains("ix_orders_owner_unpaid", plan, StringComparison.Ordinal);
        Assert.Contains("Index Cond: (owner_id = q.owner_id)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan on orders", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20_000)]
    public async Task MarkOutboxSent_GenericPlan_ProbesThePrimaryKeyNeverTheUnsentIndex(int analysedRows)
    {
        var plan = await GenericPlanAsync(
            WriteCommands.MarkSentSql, "bigint, uuid[]", $"1, '{{{Guid.CreateVersion7()}}}'", analysedRows);

        Assert.Contains("outbox_pkey", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("ix_outbox_unsent", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    /// <summary>
    /// EXPLAIN of the statement's generic plan, on a new schema whose outbox (mostly sent, the last 1 % unsent, as
    /// in a running system) holds <paramref name="analysedRows"/> analysed rows, or is new and empty when 0.
    /// </summary>
    private async Task<string> GenericPlanAsync(string sql, string parameterTypes, string arguments, int analysedRows)
    {
        var schema = await SchemaAsync();
        await Create().InitializeAsync(null, Ct);
        if (analysedRows > 0)
        {
            await schema.ScalarAsync(
                "INSERT INTO outbox (id, type, aggregate_id, store_id, payload, occurred_at, sent_at) " +
                $"SELECT gen_random_uuid(), 't', 'a', 's', repeat('x', 200), i, CASE WHEN i < {analysedRows * 99 / 100} THEN i END " +
                $"FROM generate_series(1, {analysedRows}) AS i; ANALYZE outbox;");
        }

        var lines = await schema.ColumnAsync(
            "SET plan_cache_mode = force_generic_plan; " +
            $"PREPARE probe({parameterTypes}) AS {sql.TrimEnd().TrimEnd(';')}; " +
            $"EXPLAIN EXECUTE probe({arguments});");
        return string.Join('\n', lines);
    }
}
