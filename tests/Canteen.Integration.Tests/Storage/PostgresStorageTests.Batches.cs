using Canteen.Core.Ordering;
using Canteen.Engine.Storage;
using Canteen.Integration.Tests.Support;
using Npgsql;

namespace Canteen.Integration.Tests.Storage;

/// <summary>Batches: one transaction for everything, nothing durable when one write fails, and the rows they write.</summary>
public sealed partial class PostgresStorageTests
{
    [Fact]
    public async Task CommitAsync_TwoHundredInsertsAndAFailingLastWrite_KeepsNoneOfThem()
    {
        var schema = await SchemaAsync();
        var storage = await OpenAsync();
        await storage.CommitAsync([TestOrders.Insert(TestOrders.Create(1))], Ct);
        StorageWrite[] batch =
        [
            .. Enumerable.Range(100, 200).Select(i => TestOrders.Insert(TestOrders.Create(i), [new HoldLine("duck", 1)], TestOrders.Idempotency($"key-{i}"))),
            TestOrders.Insert(TestOrders.Create(1)),
        ];

        await Assert.ThrowsAsync<PostgresException>(() => storage.CommitAsync(batch, Ct));

        Assert.Equal(1L, await schema.ScalarAsync("SELECT count(*) FROM orders;"));
        Assert.Equal(1L, await schema.ScalarAsync("SELECT count(*) FROM outbox;"));
        Assert.Equal(0L, await schema.ScalarAsync("SELECT count(*) FROM stock_holds;"));
        Assert.Equal(0L, await schema.ScalarAsync("SELECT count(*) FROM idempotency_keys;"));
    }

    [Fact]
    public async Task CommitAsync_BatchOfInsertsAndUpdates_WritesEveryRowInOneTransaction()
    {
        var schema = await SchemaAsync();
        var storage = await OpenAsync();
        var orders = Enumerable.Range(1, 256).Select(i => TestOrders.Create(i)).ToList();
        StorageWrite[] batch =
        [
            .. orders.Select(o => TestOrders.Insert(o, [new HoldLine("duck", 1)], TestOrders.Idempotency($"key-{o.Id}"))),
            TestOrders.Update(TestOrders.Moved(orders[0], OrderStatus.Cancelled, TimeSpan.FromSeconds(1)), 1, HoldState.Released),
            new SetStockTotal("s1", "duck", 300),
        ];

        var outcomes = await storage.CommitAsync(batch, Ct);

        Assert.All(outcomes, o => Assert.Equal(WriteOutcome.Committed, o));

        // xmin is the id of the transaction that wrote the row version: one value across every table means one commit.
        Assert.Equal(1L, await schema.ScalarAsync("""
            SELECT count(DISTINCT x) FROM (
                SELECT xmin::text AS x FROM orders UNION ALL SELECT xmin::text FROM stock_holds
                UNION ALL SELECT xmin::text FROM idempotency_keys UNION ALL SELECT xmin::text FROM outbox
                UNION ALL SELECT xmin::text FROM stock_levels) AS rows;
            """));
        Assert.Equal(257L, await schema.ScalarAsync("SELECT count(*) FROM outbox;"));
        Assert.Equal(255, (await storage.LoadActiveHoldsAsync(Ct)).Count);
    }

    [Fact]
    public async Task CommitAsync_Batch_WritesOutboxRowsOnlyForCommittedWrites()
    {
        var schema = await SchemaAsync();
        var storage = await OpenAsync();
        var order = TestOrders.Create(1);
        var insert = TestOrders.Insert(order);
        var update = TestOrders.Update(TestOrders.Moved(order, OrderStatus.Paying, TimeSpan.FromSeconds(1)), 1);
        var stale = TestOrders.Update(TestOrders.Moved(order, OrderStatus.Cancelled, TimeSpan.FromSeconds(1)), 1);
        var missing = TestOrders.Update(TestOrders.Moved(TestOrders.Create(2), OrderStatus.Paying, TimeSpan.FromSeconds(1)), 1);

        await storage.CommitAsync([insert, update, stale, missing], Ct);

        Assert.Equal(
            new[] { insert.Event.Id, update.Event.Id }.Select(id => id.ToString("D")).Order(StringComparer.Ordinal),
            await schema.ColumnAsync("SELECT id::text FROM outbox WHERE sent_at IS NULL ORDER BY id;"));
    }

    [Fact]
    public async Task CommitAsync_OrderWithNonUtcOffset_StoresWireNamesUtcTicksAndDate()
    {
        var schema = await SchemaAsync();
        var storage = await OpenAsync();
        var local = TestOrders.Now.ToOffset(TimeSpan.FromHours(8));
        var order = Order.Create(5, "s1", "guest", OrderType.DineIn, "T1", null, TestOrders.Lines(), new PickupNumber(TestOrders.Day, 3), local, TimeSpan.Zero);

        await storage.CommitAsync([TestOrders.Insert(order)], Ct);

        Assert.Equal("dine_in|created|2025-06-01|3", await schema.ScalarAsync("SELECT concat_ws('|', type, status, business_day, pickup_seq) FROM orders;"));
        Assert.Equal(TestOrders.Now.UtcTicks, await schema.ScalarAsync("SELECT created_at FROM orders;"));
        Assert.Equal("jsonb", await schema.ScalarAsync("SELECT pg_typeof(lines)::text FROM orders;"));
        var found = await storage.FindAsync(5, Ct);
        Assert.Equal(TimeSpan.Zero, found?.CreatedAt.Offset);
        Assert.Equal(local, found?.CreatedAt);
    }

    [Fact]
    public async Task CommitAsync_BeforeInitialize_ThrowsInvalidOperation()
    {
        await SchemaAsync();
        var storage = Create();

        await Assert.ThrowsAsync<InvalidOperationException>(() => storage.CommitAsync([new SetStockTotal("s1", "d", 1)], Ct));
    }

    [Fact]
    public async Task FindExpiredAsync_Query_IsAnsweredFromThePartialDeadlineIndex()
    {
        var schema = await SchemaAsync();
        await OpenAsync();
        await using var connection = await schema.OpenRawAsync();

        // Tiny tables are cheaper to scan, so forbid that: what is checked is that the query matches the index.
        await using var command = new NpgsqlCommand(
            "SET enable_seqscan = off; EXPLAIN SELECT id FROM orders WHERE status IN ('created', 'paying') " +
            "AND payment_deadline <= 0 ORDER BY payment_deadline, id LIMIT 10;",
            connection);
        var plan = string.Join('\n', await ReadAllAsync(command));

        Assert.Contains("ix_orders_unpaid_deadline", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
    }

    private static async Task<List<string>> ReadAllAsync(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
