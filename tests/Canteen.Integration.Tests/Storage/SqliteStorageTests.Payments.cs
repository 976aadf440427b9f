using Canteen.Engine.Storage;
using Canteen.Integration.Tests.Support;

namespace Canteen.Integration.Tests.Storage;

/// <summary>The payments migration on a database that predates it.</summary>
public sealed partial class SqliteStorageTests
{
    [Fact]
    public async Task InitializeAsync_DatabaseFromBeforePayments_AddsThemAndKeepsItsOrders()
    {
        var storage = Create();
        await storage.InitializeAsync(null, Ct);
        var order = TestOrders.Create(1);
        await storage.CommitAsync([TestOrders.Insert(order)], Ct);
        await storage.DisposeAsync();

        // Take the file back to what the build before payments left: 0004 only adds the table and its indexes, and
        // 0005 (idempotency records) runs again harmlessly on a table it already moved.
        using (var raw = RawSqlite.Open(storage.FilePath))
        {
            RawSqlite.Scalar(raw, "DROP TABLE payments;");
            RawSqlite.Scalar(raw, "DELETE FROM schema_version WHERE version >= 4;");
            Assert.Equal(3L, RawSqlite.Scalar(raw, "SELECT MAX(version) FROM schema_version;"));
        }

        var reopened = Create();
        await reopened.InitializeAsync(null, Ct);
        var payment = TestPayments.Create(10, order.Id);
        var outcomes = await reopened.CommitAsync([TestPayments.Insert(payment)], Ct);

        Assert.Equal([WriteOutcome.Committed], outcomes);
        StorageAssert.SameOrder(order.ToSnapshot(), (await reopened.FindAsync(1, Ct))?.ToSnapshot());
        Assert.Equal(payment.ToSnapshot(), (await reopened.FindPaymentAsync(10, Ct))?.ToSnapshot());
        using var check = RawSqlite.Open(reopened.FilePath);
        Assert.Equal(
            ["ix_payments_due", "ix_payments_order_id"],
            RawSqlite.Column(
                check,
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'payments' AND sql IS NOT NULL ORDER BY name;"));
    }

    [Fact]
    public async Task FindDuePaymentsAsync_Query_UsesThePartialDueIndex()
    {
        var storage = Create();
        await storage.InitializeAsync(null, Ct);

        using var raw = RawSqlite.Open(storage.FilePath);
        using var command = raw.CreateCommand();
        command.CommandText =
            "EXPLAIN QUERY PLAN SELECT id FROM payments WHERE next_check_at IS NOT NULL AND next_check_at <= 0 ORDER BY next_check_at, id LIMIT 10;";
        using var reader = command.ExecuteReader();
        var plan = "";
        while (reader.Read())
        {
            plan += reader.GetString(3) + "\n";
        }

        Assert.Contains("ix_payments_due", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }
}
