using Canteen.Integration.Tests.Support;

namespace Canteen.Integration.Tests.Storage;

/// <summary>Migration 0005 on a database whose idempotency records are still in the WITHOUT ROWID table.</summary>
public sealed partial class SqliteStorageTests
{
    [Fact]
    public async Task InitializeAsync_IdempotencyKeysWithoutRowid_MovesEveryRecordAndKeepsTheKeyUnique()
    {
        var storage = Create();
        await storage.InitializeAsync(null, Ct);
        var records = new[]
        {
            TestOrders.Idempotency("key-1", body: [0x7B, 0x00, 0xFF, 0x7D]),
            TestOrders.Idempotency("key-2", body: [], location: null),
        };
        await storage.CommitAsync(
            [TestOrders.Insert(TestOrders.Create(1), idempotency: records[0]), TestOrders.Insert(TestOrders.Create(2), idempotency: records[1])],
            Ct);
        await storage.DisposeAsync();

        // Take the file back to what the previous build left: the records in a WITHOUT ROWID table keyed by (scope, key).
        using (var raw = RawSqlite.Open(storage.FilePath))
        {
            RawSqlite.Scalar(
                raw,
                """
                CREATE TABLE old_keys (
                    scope TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status_code INTEGER NOT NULL,
                    location TEXT NULL, body BLOB NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (scope, key)
                ) WITHOUT ROWID;
                INSERT INTO old_keys SELECT scope, key, request_hash, status_code, location, body, created_at FROM idempotency_keys;
                DROP TABLE idempotency_keys;
                ALTER TABLE old_keys RENAME TO idempotency_keys;
                DELETE FROM schema_version WHERE version >= 5; -- 0006 indexes the table 0005 made; dropped with it
                """);
            Assert.Equal(4L, RawSqlite.Scalar(raw, "SELECT MAX(version) FROM schema_version;"));
        }

        var reopened = Create();
        await reopened.InitializeAsync(null, Ct);

        foreach (var expected in records)
        {
            var found = await reopened.FindAsync(expected.Scope, expected.Key, Ct);
            Assert.NotNull(found);
            Assert.Equal(expected.Body, found.Body);
            Assert.Equal(expected with { Body = found.Body }, found);
        }

        await Assert.ThrowsAnyAsync<Exception>(
            () => reopened.CommitAsync([TestOrders.Insert(TestOrders.Create(3), idempotency: records[0])], Ct));
        Assert.Null(await reopened.FindAsync(3, Ct));
        using var check = RawSqlite.Open(reopened.FilePath);
        Assert.DoesNotContain("WITHOUT ROWID", (string)RawSqlite.Scalar(check, "SELECT sql FROM sqlite_master WHERE name = 'idempotency_keys';")!, StringComparison.Ordinal);
        Assert.Equal(
            ["ix_idempotency_keys_created", "ux_idempotency_keys"],
            RawSqlite.Column(check, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'idempotency_keys' ORDER BY name;"));
    }
}
