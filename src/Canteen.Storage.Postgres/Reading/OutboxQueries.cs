using Canteen.Engine.Outbox;
using Npgsql;

using Canteen.Engine.Storage;

namespace Canteen.Storage.Postgres.Reading;

/// <summary>What the outbox relay still has to publish, oldest first (a partial index keeps this cheap).</summary>
internal sealed class OutboxQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<OutboxEvent>> ReadUnsentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, type, aggregate_id, store_id, payload, occurred_at FROM outbox " +
            "WHERE sent_at IS NULL ORDER BY occurred_at, id LIMIT $1;");
        command.Parameters.Add(Parameters.Of(limit));
        var events = new List<OutboxEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new OutboxEvent(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                StoredValues.FromTicks(reader.GetInt64(5))));
        }

        return events;
    }

    public async Task<bool> AnySentBeforeAsync(DateTimeOffset occurredBefore, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM outbox WHERE id < $1 AND sent_at IS NOT NULL);");
        command.Parameters.Add(Parameters.Of(OutboxEventIds.Floor(occurredBefore)));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
