using Canteen.Engine.Outbox;

using Canteen.Engine.Storage;

namespace Canteen.Storage.Sqlite.Reading;

/// <summary>What the outbox relay still has to publish, oldest first (a partial index keeps this cheap).</summary>
internal sealed class OutboxQueries(SqliteConnections connections)
{
    public async Task<IReadOnlyList<OutboxEvent>> ReadUnsentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT id, type, aggregate_id, store_id, payload, occurred_at FROM outbox " +
            "WHERE sent_at IS NULL ORDER BY occurred_at, id LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", limit);
        var events = new List<OutboxEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new OutboxEvent(
                Guid.Parse(reader.GetString(0)),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                StoredValues.FromTicks(reader.GetInt64(5))));
        }

        return events;
    }

    public Task<bool> AnySentBeforeAsync(DateTimeOffset occurredBefore, CancellationToken cancellationToken) =>
        connections.AnyAsync(
            "FROM outbox WHERE id < $p AND sent_at IS NOT NULL", OutboxEventIds.Floor(occurredBefore).ToString("D"), cancellationToken);
}
