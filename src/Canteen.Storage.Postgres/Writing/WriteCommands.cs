using Canteen.Core.Ordering;
using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Canteen.Storage.Postgres.Writing;

/// <summary>One statement per write for everything but new orders and inbox records (merged into runs); fixed texts, so they get prepared.</summary>
internal static class WriteCommands
{
    // What a status move writes besides the row, hanging off the order UPDATE's RETURNING (CTE "u") so a write that
    // loses its version check writes nothing at all. Held portions move either way; confirmed (sold) ones only when
    // released, as a refund from paid gives them back; released and settled ones never move. Shared with
    // SavePaymentCommand, whose nested order change uses the same parameters $1..$12.
    internal const string OrderEffectsSql = """
        h AS (
            UPDATE stock_holds SET state = $6
            WHERE $6 IS NOT NULL AND order_id IN (SELECT id FROM u) AND (state = 'held' OR (state = 'confirmed' AND $6 = 'released'))),
        o AS (
            INSERT INTO outbox (id, type, aggregate_id, store_id, payload, occurred_at)
            SELECT $7, $8, $9, $10, $11, $12 FROM u)
        """;

    // A status move changes exactly status, version and updated_at, and only if nobody moved the order since the
    // writer read it. The final SELECT reads the statement's starting snapshot, which already includes earlier
    // statements of the batch: "exists but not updated" is a conflict, "absent" is not found.
    private const string UpdateOrderSql = $"""
        WITH u AS (
            UPDATE orders SET status = $1, version = $2, updated_at = $3 WHERE id = $4 AND version = $5 RETURNING id),
        {OrderEffectsSql}
        SELECT EXISTS (SELECT 1 FROM u), EXISTS (SELECT 1 FROM orders WHERE id = $4);
        """;

    private const string SetStockTotalSql = """
        INSERT INTO stock_levels (store_id, dish_id, total, daily_portions) VALUES ($1, $2, $3, $3)
        ON CONFLICT (store_id, dish_id) DO UPDATE SET total = excluded.total;
        """;

    private const string SettleHoldsSql = "UPDATE stock_holds SET state = 'settled' WHERE store_id = $1 AND state = 'confirmed';";

    // Portions still held by a paying guest stay held: the new day's total never drops below them.
    private const string ResetTotalsSql = """
        UPDATE stock_levels l SET total = GREATEST(l.daily_portions, COALESCE((
            SELECT SUM(h.quantity) FROM stock_holds h
            WHERE h.store_id = l.store_id AND h.dish_id = l.dish_id AND h.state = 'held'), 0))
        WHERE l.store_id = $1;
        """;

    // "Not sent yet" is written so the planner cannot prove "sent_at IS NULL" from it: with the plain form it
    // matched the partial index ix_outbox_unsent and scanned all of it (dead entries of sent events included) for
    // every mark, or ANDed it with the primary key; measured, 67 buffers per event marked and the largest statement
    // cost per order on PostgreSQL. This way each id is one probe of the primary key.
    internal const string MarkSentSql = "UPDATE outbox SET sent_at = $1 WHERE id = ANY ($2) AND COALESCE(sent_at, -1) = -1;";

    // Ranges of the primary keys: event ids are time-ordered (OutboxEventIds), so "before" needs no time index.
    private const string PruneOutboxSql =
        "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE id < $1 AND sent_at IS NOT NULL ORDER BY id LIMIT $2);";

    private const string PruneInboxSql =
        "DELETE FROM inbox WHERE consumer = $1 AND event_id IN (" +
        "SELECT event_id FROM inbox WHERE consumer = $1 AND event_id < $2 ORDER BY event_id LIMIT $3);";

    private const string PruneIdempotencySql =
        "DELETE FROM idempotency_keys WHERE (scope, key) IN (" +
        "SELECT scope, key FROM idempotency_keys WHERE created_at < $1 ORDER BY created_at LIMIT $2);";

    /// <summary>Returns one row: (updated, existed).</summary>
    public static NpgsqlBatchCommand UpdateOrder(UpdateOrder write) => Parameters.Command(UpdateOrderSql, OrderChange(write));

    /// <summary>
    /// The parameters $1..$12 of <see cref="UpdateOrderSql"/> and <see cref="OrderEffectsSql"/>; all null for a
    /// <see cref="SavePayment"/> without an order change (typed, so PostgreSQL can still plan the statement).
    /// </summary>
    internal static NpgsqlParameter[] OrderChange(UpdateOrder? write)
    {
        var order = write?.Order;
        var @event = write?.Event;
        return
        [
            Parameters.Of(order is null ? null : OrderStatusNames.ToWire(order.Status), NpgsqlDbType.Text),
            Parameters.Of(order?.Version, NpgsqlDbType.Integer),
            Parameters.Of(order is null ? (long?)null : StoredValues.ToTicks(order.UpdatedAt), NpgsqlDbType.Bigint),
            Parameters.Of(order?.Id, NpgsqlDbType.Bigint),
            Parameters.Of(write?.ExpectedVersion, NpgsqlDbType.Integer),
            Parameters.Of(write?.HoldChange is { } state ? StoredValues.ToText(state) : null, NpgsqlDbType.Text),
            Parameters.Of(@event?.Id, NpgsqlDbType.Uuid),
            Parameters.Of(@event?.Type, NpgsqlDbType.Text),
            Parameters.Of(@event?.AggregateId, NpgsqlDbType.Text),
            Parameters.Of(@event?.StoreId, NpgsqlDbType.Text),
            Parameters.Of(@event?.Payload, NpgsqlDbType.Text),
            Parameters.Of(@event is null ? (long?)null : StoredValues.ToTicks(@event.OccurredAt), NpgsqlDbType.Bigint),
        ];
    }

    public static NpgsqlBatchCommand SetStockTotal(SetStockTotal write) =>
        Parameters.Command(SetStockTotalSql, Parameters.Of(write.StoreId), Parameters.Of(write.DishId), Parameters.Of(write.Total));

    /// <summary>Two statements: settling only touches confirmed holds and the totals only read held ones.</summary>
    public static IEnumerable<NpgsqlBatchCommand> ResetDailyStock(ResetDailyStock write) =>
    [
        Parameters.Command(SettleHoldsSql, Parameters.Of(write.StoreId)),
        Parameters.Command(ResetTotalsSql, Parameters.Of(write.StoreId)),
    ];

    public static NpgsqlBatchCommand MarkOutboxSent(MarkOutboxSent write) =>
        Parameters.Command(MarkSentSql, Parameters.Of(StoredValues.ToTicks(write.SentAt)), Parameters.Of(write.EventIds.ToArray()));

    /// <summary>One statement for the outbox, one per consumer for the inbox.</summary>
    public static IEnumerable<NpgsqlBatchCommand> PruneEvents(PruneEvents write)
    {
        var before = OutboxEventIds.Floor(write.OccurredBefore);
        yield return Parameters.Command(PruneOutboxSql, Parameters.Of(before), Parameters.Of(write.Limit));
        foreach (var consumer in write.Consumers)
        {
            yield return Parameters.Command(PruneInboxSql, Parameters.Of(consumer), Parameters.Of(before), Parameters.Of(write.Limit));
        }
    }

    public static NpgsqlBatchCommand PruneIdempotency(PruneIdempotency write) =>
        Parameters.Command(PruneIdempotencySql, Parameters.Of(StoredValues.ToTicks(write.CreatedBefore)), Parameters.Of(write.Limit));
}
