using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace Canteen.Storage.Sqlite.Writing;

/// <summary>Prepared statements for the writes that are not order changes: the daily reset, the outbox relay, the inbox, pruning.</summary>
internal sealed class MaintenanceStatements : IDisposable
{
    private readonly PreparedStatement _settleHolds;
    private readonly PreparedStatement _resetTotals;
    private readonly PreparedStatement _markSent;
    private readonly PreparedStatement _recordInbox;
    private readonly PreparedStatement _pruneOutbox;
    private readonly PreparedStatement _pruneInbox;
    private readonly PreparedStatement _pruneIdempotency;

    public MaintenanceStatements(SqliteConnection connection)
    {
        _settleHolds = new PreparedStatement(
            connection,
            "UPDATE stock_holds SET state = 'settled' WHERE store_id = $store_id AND state = 'confirmed';",
            "$store_id");

        // Portions still held by a paying guest stay held: the new day's total never drops below them.
        _resetTotals = new PreparedStatement(
            connection,
            """
            UPDATE stock_levels SET total = MAX(daily_portions, COALESCE((
                SELECT SUM(h.quantity) FROM stock_holds h
                WHERE h.store_id = stock_levels.store_id AND h.dish_id = stock_levels.dish_id AND h.state = 'held'), 0))
            WHERE store_id = $store_id;
            """,
            "$store_id");
        _markSent = new PreparedStatement(
            connection,
            "UPDATE outbox SET sent_at = $sent_at WHERE id = $id AND sent_at IS NULL;",
            "$sent_at", "$id");
        _recordInbox = new PreparedStatement(
            connection,
            "INSERT INTO inbox (consumer, event_id, handled_at) VALUES ($consumer, $event_id, $handled_at) ON CONFLICT DO NOTHING;",
            "$consumer", "$event_id", "$handled_at");

        // Ranges of the primary keys: event ids are time-ordered (OutboxEventIds), so "before" needs no time index.
        // SQLite's DELETE takes no LIMIT in this build, hence the sub-selects.
        _pruneOutbox = new PreparedStatement(
            connection,
            "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE id < $before AND sent_at IS NOT NULL ORDER BY id LIMIT $limit);",
            "$before", "$limit");
        _pruneInbox = new PreparedStatement(
            connection,
            "DELETE FROM inbox WHERE consumer = $consumer AND event_id IN (" +
            "SELECT event_id FROM inbox WHERE consumer = $consumer AND event_id < $before ORDER BY event_id LIMIT $limit);",
            "$consumer", "$before", "$limit");
        _pruneIdempotency = new PreparedStatement(
            connection,
            "DELETE FROM idempotency_keys WHERE id IN (" +
            "SELECT id FROM idempotency_keys WHERE created_at < $before ORDER BY created_at LIMIT $limit);",
            "$before", "$limit");
    }

    public WriteOutcome ResetDailyStock(ResetDailyStock write)
    {
        _settleHolds.Execute(write.StoreId);
        _resetTotals.Execute(write.StoreId);
        return WriteOutcome.Committed;
    }

    public WriteOutcome MarkSent(MarkOutboxSent write)
    {
        var sentAt = StoredValues.ToTicks(write.SentAt);
        foreach (var id in write.EventIds)
        {
            _markSent.Execute(sentAt, id.ToString("D"));
        }

        return WriteOutcome.Committed;
    }

    public WriteOutcome RecordInbox(RecordInbox write) =>
        _recordInbox.Execute(write.Consumer, write.EventId.ToString("D"), StoredValues.ToTicks(write.HandledAt)) == 1
            ? WriteOutcome.Committed
            : WriteOutcome.Duplicate;

    public WriteOutcome PruneEvents(PruneEvents write)
    {
        var before = OutboxEventIds.Floor(write.OccurredBefore).ToString("D");
        _pruneOutbox.Execute(before, write.Limit);
        foreach (var consumer in write.Consumers)
        {
            _pruneInbox.Execute(consumer, before, write.Limit);
        }

        return WriteOutcome.Committed;
    }

    public WriteOutcome PruneIdempotency(PruneIdempotency write)
    {
        _pruneIdempotency.Execute(StoredValues.ToTicks(write.CreatedBefore), write.Limit);
        return WriteOutcome.Committed;
    }

    public void Dispose()
    {
        _settleHolds.Dispose();
        _resetTotals.Dispose();
        _markSent.Dispose();
        _recordInbox.Dispose();
        _pruneOutbox.Dispose();
        _pruneInbox.Dispose();
        _pruneIdempotency.Dispose();
    }
}
