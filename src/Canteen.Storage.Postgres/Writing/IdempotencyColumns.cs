using Canteen.Engine.Idempotency;
using Npgsql;
using NpgsqlTypes;

using Canteen.Engine.Storage;

namespace Canteen.Storage.Postgres.Writing;

/// <summary>
/// New <c>idempotency_keys</c> rows for one unnest insert. A key already stored (another instance answered it
/// first) violates the primary key and fails the batch, which is what lets the writer isolate and refuse it.
/// </summary>
internal sealed class IdempotencyColumns
{
    private const string Sql = """
        INSERT INTO idempotency_keys (scope, key, request_hash, status_code, location, body, created_at)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::text[], $6::bytea[], $7::bigint[]);
        """;

    private readonly List<string> _scopes = [];
    private readonly List<string> _keys = [];
    private readonly List<string> _requestHashes = [];
    private readonly List<int> _statusCodes = [];
    private readonly List<string?> _locations = [];
    private readonly List<byte[]> _bodies = [];
    private readonly List<long> _createdAt = [];

    public int Count => _scopes.Count;

    public void Add(IdempotencyRecord record)
    {
        _scopes.Add(record.Scope);
        _keys.Add(record.Key);
        _requestHashes.Add(record.RequestHash);
        _statusCodes.Add(record.StatusCode);
        _locations.Add(record.Location);
        _bodies.Add(record.Body);
        _createdAt.Add(StoredValues.ToTicks(record.CreatedAt));
    }

    public NpgsqlBatchCommand ToCommand() => Parameters.Command(
        Sql,
        Parameters.Of(_scopes),
        Parameters.Of(_keys),
        Parameters.Of(_requestHashes),
        Parameters.Of(_statusCodes),
        Parameters.Of(_locations, NpgsqlDbType.Array | NpgsqlDbType.Text),
        Parameters.Of(_bodies, NpgsqlDbType.Array | NpgsqlDbType.Bytea),
        Parameters.Of(_createdAt));
}
