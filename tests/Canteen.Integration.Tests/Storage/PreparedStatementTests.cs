using Canteen.Storage.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace Canteen.Integration.Tests.Storage;

/// <summary>
/// The writer's statements bind through SQLite's own API; what they store must be what a <see cref="SqliteCommand"/>
/// stored, and their failures the same exceptions.
/// </summary>
public sealed class PreparedStatementTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public PreparedStatementTests()
    {
        _connection.Open();
        Run("CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, s TEXT, e TEXT, n TEXT, d REAL, b BLOB, f INTEGER);");
    }

    [Fact]
    public void Execute_EveryKindOfValue_StoredAsACommandStoresIt()
    {
        using var insert = Insert();
        using (var transaction = _connection.BeginTransaction())
        {
            Assert.Equal(1, insert.Execute(1L, long.MinValue, "汉字 é 🍜", "", null, 1.5, new byte[] { 1, 2 }, true));
            Assert.Equal(1, insert.Execute(2L, int.MaxValue, "x", "y", DBNull.Value, 0.0, Array.Empty<byte>(), false));
            transaction.Commit();
        }

        Assert.Equal(
            "1|-9223372036854775808|汉字 é 🍜|text:|null|1.5|0102|1",
            Row(1));
        Assert.Equal("2|2147483647|x|text:y|null|0.0|blob:|0", Row(2));
    }

    [Fact]
    public void Execute_Update_ReturnsTheRowsItChanged()
    {
        using var insert = Insert();
        using var update = new PreparedStatement(_connection, "UPDATE t SET i = $i WHERE f = $f;", "$i", "$f");
        using var transaction = _connection.BeginTransaction();
        insert.Execute(1L, 0L, "a", "a", null, 0.0, null, true);
        insert.Execute(2L, 0L, "a", "a", null, 0.0, null, true);
        insert.Execute(3L, 0L, "a", "a", null, 0.0, null, false);

        Assert.Equal(2, update.Execute(7L, true));
        Assert.Equal(0, update.Execute(7L, 5L));
    }

    [Fact]
    public void Execute_ParametersNamedInAnotherOrder_EachValueGoesToItsName()
    {
        using var insert = new PreparedStatement(_connection, "INSERT INTO t (id, s, e) VALUES ($id, $s, $e);", "$e", "$id", "$s");
        using (var transaction = _connection.BeginTransaction())
        {
            insert.Execute("third", 1L, "second");
            transaction.Commit();
        }

        Assert.Equal("1|null|second|text:third|null|null|null|null", Row(1));
    }

    [Fact]
    public void Execute_OutsideATransaction_RefusedAndNothingWritten()
    {
        using var insert = Insert();

        Assert.Throws<InvalidOperationException>(() => insert.Execute(1L, 0L, "a", "a", null, 0.0, null, true));
        Assert.Equal(0L, Count());
    }

    [Fact]
    public void Execute_ConstraintViolation_SqliteExceptionAndTheStatementStillUsable()
    {
        using var insert = Insert();
        using var transaction = _connection.BeginTransaction();
        insert.Execute(1L, 0L, "a", "a", null, 0.0, null, true);

        var failure = Assert.Throws<SqliteException>(() => insert.Execute(1L, 0L, "a", "a", null, 0.0, null, true));
        insert.Execute(2L, 0L, "a", "a", null, 0.0, null, true);

        Assert.Equal(19, failure.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal(2L, Count());
    }

    [Fact]
    public void QueryInt64_Exists_OneOrZero()
    {
        using var insert = Insert();
        using var exists = new PreparedStatement(_connection, "SELECT EXISTS (SELECT 1 FROM t WHERE id = $id);", "$id");
        using var transaction = _connection.BeginTransaction();
        insert.Execute(1L, 0L, "a", "a", null, 0.0, null, true);

        Assert.Equal(1, exists.QueryInt64(1L));
        Assert.Equal(0, exists.QueryInt64(2L));
    }

    [Theory]
    [InlineData("$id")]
    [InlineData("$id", "$s", "$e")]
    [InlineData("$id", "$nope")]
    public void Constructor_NamesThatDoNotMatchTheStatement_Throws(params string[] names) =>
        Assert.Throws<ArgumentException>(() => new PreparedStatement(_connection, "INSERT INTO t (id, s) VALUES ($id, $s);", names));

    [Fact]
    public void Execute_WrongNumberOrKindOfValues_ThrowsBeforeWriting()
    {
        using var insert = new PreparedStatement(_connection, "INSERT INTO t (id, s) VALUES ($id, $s);", "$id", "$s");
        using var transaction = _connection.BeginTransaction();

        Assert.Throws<ArgumentException>(() => insert.Execute(1L));
        Assert.Throws<NotSupportedException>(() => insert.Execute(1L, Guid.NewGuid()));
        Assert.Equal(0L, Count());
    }

    public void Dispose() => _connection.Dispose();

    private PreparedStatement Insert() => new(
        _connection,
        "INSERT INTO t (id, i, s, e, n, d, b, f) VALUES ($id, $i, $s, $e, $n, $d, $b, $f);",
        "$id", "$i", "$s", "$e", "$n", "$d", "$b", "$f");

    private void Run(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Count()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM t;";
        return (long)command.ExecuteScalar()!;
    }

    // Each column as SQLite holds it: typeof() tells an empty text from NULL and an empty blob from both.
    private string Row(long id)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT id, ifnull(i, 'null'), ifnull(s, 'null'), typeof(e) || ':' || ifnull(e, ''), ifnull(n, 'null'),
                   CASE WHEN d IS NULL THEN 'null' ELSE printf('%.1f', d) END,
                   CASE WHEN b IS NULL THEN 'null' WHEN length(b) = 0 THEN typeof(b) || ':' ELSE hex(b) END, ifnull(f, 'null')
            FROM t WHERE id = $id;
            """;
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString()));
    }
}
