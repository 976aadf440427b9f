using Canteen.Engine.Storage;
using Npgsql;

namespace Canteen.Storage.Postgres.Writing;

/// <summary>
/// Consecutive <see cref="RecordInbox"/> writes of a batch as one insert: a consumer records a whole delivery at once,
/// and one statement per event was the last statement PostgreSQL ran per order placed. The statement returns the rows
/// it inserted; every other record of the run (already handled, or a second copy within the run) is a duplicate.
/// </summary>
internal sealed class InboxRun
{
    private const string Sql = """
        INSERT INTO inbox (consumer, event_id, handled_at)
        SELECT * FROM unnest($1::text[], $2::uuid[], $3::bigint[])
        ON CONFLICT DO NOTHING
        RETURNING consumer, event_id;
        """;

    private readonly List<int> _writeIndexes = [];
    private readonly List<string> _consumers = [];
    private readonly List<Guid> _eventIds = [];
    private readonly List<long> _handledAt = [];

    public void Add(int writeIndex, RecordInbox write)
    {
        _writeIndexes.Add(writeIndex);
        _consumers.Add(write.Consumer);
        _eventIds.Add(write.EventId);
        _handledAt.Add(StoredValues.ToTicks(write.HandledAt));
    }

    public NpgsqlBatchCommand ToCommand() =>
        Parameters.Command(Sql, Parameters.Of(_consumers), Parameters.Of(_eventIds), Parameters.Of(_handledAt));

    /// <summary>Reads the statement's result set and gives each write of the run its outcome.</summary>
    public async Task ResolveAsync(NpgsqlDataReader reader, WriteOutcome[] outcomes, CancellationToken cancellationToken)
    {
        var inserted = new HashSet<(string, Guid)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add((reader.GetString(0), reader.GetGuid(1)));
        }

        // The first copy of a pair inserted it; a later copy in the same run met the first one's row.
        for (var i = 0; i < _writeIndexes.Count; i++)
        {
            outcomes[_writeIndexes[i]] = inserted.Remove((_consumers[i], _eventIds[i])) ? WriteOutcome.Committed : WriteOutcome.Duplicate;
        }
    }
}
