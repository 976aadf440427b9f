using Canteen.Core.Ordering;
using Canteen.Engine.Storage;
using Canteen.Integration.Tests.Support;
using Canteen.Storage.Postgres;
using Npgsql;

namespace Canteen.Integration.Tests.Storage;

/// <summary>Payments: the migration on an older schema, the due index, and all-or-nothing across instances.</summary>
public sealed partial class PostgresStorageTests
{
    [Fact]
    public async Task InitializeAsync_SchemaFromBeforePayments_AddsThemAndKeepsItsOrders()
    {
        var schema = await SchemaAsync();
        var first = await OpenAsync();
        var order = TestOrders.Create(1);
        await first.CommitAsync([TestOrders.Insert(order)], Ct);

        // Take the schema back to what that build left: 0003 only adds the table and its indexes, 0004 one index.
        await schema.ScalarAsync(
            "DROP TABLE payments; DROP INDEX ix_idempotency_keys_created; DELETE FROM schema_version WHERE version >= 3;");
        Assert.Equal(2, await schema.ScalarAsync("SELECT max(version) FROM schema_version;"));

        var reopened = await OpenAsync();
        var payment = TestPayments.Create(10, order.Id);
        var outcomes = await reopened.CommitAsync([TestPayments.Insert(payment)], Ct);

        Assert.Equal([WriteOutcome.Committed], outcomes);
        StorageAssert.SameOrder(order.ToSnapshot(), (await reopened.FindAsync(1, Ct))?.ToSnapshot());
        Assert.Equal(payment.ToSnapshot(), (await reopened.FindPaymentAsync(10, Ct))?.ToSnapshot());
        Assert.Equal(
            ["ix_payments_due", "ix_payments_order_id", "payments_pkey"],
            await schema.ColumnAsync($"SELECT indexname FROM pg_indexes WHERE schemaname = '{schema.Name}' AND tablename = 'payments' ORDER BY 1;"));
    }

    [Fact]
    public async Task FindDuePaymentsAsync_Query_IsAnsweredFromThePartialDueIndex()
    {
        var schema = await SchemaAsync();
        await OpenAsync();
        await using var connection = await schema.OpenRawAsync();

        // Tiny tables are cheaper to scan, so forbid that: what is checked is that the query matches the index.
        await using var command = new NpgsqlCommand(
            "SET enable_seqscan = off; EXPLAIN SELECT id FROM payments WHERE next_check_at IS NOT NULL AND next_check_at <= 0 " +
            "ORDER BY next_check_at, id LIMIT 10;",
            connection);
        var plan = string.Join('\n', await ReadAllAsync(command));

        Assert.Contains("ix_payments_due", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_SavePaymentRacingAnOrderUpdateOnAnotherInstance_NeverWritesHalf()
    {
        var (a, b) = (await OpenSmallPoolAsync(), await OpenSmallPoolAsync());
        const int Orders = 100;
        var orders = Enumerable.Range(1, Orders).Select(i => TestOrders.Create(i, sequence: i)).ToList();
        var payments = orders.Select(o => TestPayments.Create(1000 + o.Id, o.Id)).ToList();
        await a.CommitAsync(
            [.. orders.Select(o => TestOrders.Insert(o, [new HoldLine("duck", 1)])), .. payments.Select(p => TestPayments.Insert(p))],
            Ct);

        // Instance A pays each order (payment and order together) while instance B cancels the same orders, both from
        // version 1: per order exactly one wins, and a lost SavePayment must leave its payment untouched.
        var paying = orders.Select((o, i) => TestPayments.Update(
            TestPayments.Succeeded(payments[i]),
            1,
            TestOrders.Update(TestOrders.Moved(o, OrderStatus.Paying, TimeSpan.FromSeconds(1)), 1, HoldState.Confirmed)));
        var cancelling = orders.Select(o =>
            TestOrders.Update(TestOrders.Moved(o, OrderStatus.Cancelled, TimeSpan.FromSeconds(1)), 1, HoldState.Released));
        var results = await Task.WhenAll(
            Task.WhenAll(paying.Select(w => Task.Run(() => a.CommitAsync([w], Ct), Ct))),
            Task.WhenAll(cancelling.Select(w => Task.Run(() => b.CommitAsync([w], Ct), Ct))));

        for (var i = 0; i < Orders; i++)
        {
            var (paid, cancelled) = (results[0][i][0], results[1][i][0]);
            Assert.Equal(1, new[] { paid, cancelled }.Count(o => o == WriteOutcome.Committed));
            var order = await a.FindAsync(orders[i].Id, Ct);
            var payment = await a.FindPaymentAsync(payments[i].Id, Ct);
            Assert.Equal(paid == WriteOutcome.Committed ? OrderStatus.Paying : OrderStatus.Cancelled, order?.Status);
            Assert.Equal(paid == WriteOutcome.Committed ? 2 : 1, payment?.Version);
        }
    }

    /// <summary>An instance whose pool stays far below the server's connection limit, however many commits queue on it.</summary>
    private async Task<PostgresStorage> OpenSmallPoolAsync()
    {
        var options = (await SchemaAsync()).Options();
        options.ConnectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString) { MaxPoolSize = 8 }.ToString();
        var storage = new PostgresStorage(options);
        _opened.Add(storage);
        await storage.InitializeAsync(null, Ct);
        return storage;
    }
}
