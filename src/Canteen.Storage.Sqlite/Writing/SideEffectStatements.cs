using Canteen.Engine.Idempotency;
using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;
using Canteen.Storage.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace Canteen.Storage.Sqlite.Writing;

/// <summary>
/// The prepared statements for what travels with an order change in the same transaction: stock holds, stock
/// totals, the idempotency record and the outbox event.
/// </summary>
internal sealed class SideEffectStatements : IDisposable
{
    private readonly PreparedStatement _insertHold;
    private readonly PreparedStatement _moveHolds;
    private readonly PreparedStatement _setStockTotal;
    private readonly PreparedStatement _insertIdempotency;
    private readonly PreparedStatement _insertOutbox;
    private readonly IdempotencyFilter _filter;

    public SideEffectStatements(SqliteConnection connection, IdempotencyFilter filter)
    {
        _filter = filter;

        // Two lines of the same dish (different options) arrive as two hold lines: they add up to one row per dish.
        _insertHold = new PreparedStatement(
            connection,
            """
            INSERT INTO stock_holds (order_id, store_id, dish_id, quantity, state, deadline)
            VALUES ($order_id, $store_id, $dish_id, $quantity, 'held', $deadline)
            ON CONFLICT (order_id, dish_id) DO UPDATE SET quantity = quantity + excluded.quantity;
            """,
            "$order_id", "$store_id", "$dish_id", "$quantity", "$deadline");

        // Portions still held move either way. Confirmed (sold) ones move only when released: a refund of a paid
        // order gives them back. Released ones are final, and settled ones were sold on an earlier day: they never move.
        _moveHolds = new PreparedStatement(
            connection,
            """
            UPDATE stock_holds SET state = $state
            WHERE order_id = $order_id AND (state = 'held' OR (state = 'confirmed' AND $state = 'released'));
            """,
            "$state", "$order_id");
        _setStockTotal = new PreparedStatement(
            connection,
            """
            INSERT INTO stock_levels (store_id, dish_id, total, daily_portions) VALUES ($store_id, $dish_id, $total, $total)
            ON CONFLICT (store_id, dish_id) DO UPDATE SET total = excluded.total;
            """,
            "$store_id", "$dish_id", "$total");
        _insertIdempotency = new PreparedStatement(
            connection,
            """
            INSERT INTO idempotency_keys (scope, key, request_hash, status_code, location, body, created_at)
            VALUES ($scope, $key, $request_hash, $status_code, $location, $body, $created_at);
            """,
            "$scope", "$key", "$request_hash", "$status_code", "$location", "$body", "$created_at");
        _insertOutbox = new PreparedStatement(
            connection,
            """
            INSERT INTO outbox (id, type, aggregate_id, store_id, payload, occurred_at)
            VALUES ($id, $type, $aggregate_id, $store_id, $payload, $occurred_at);
            """,
            "$id", "$type", "$aggregate_id", "$store_id", "$payload", "$occurred_at");
    }

    public void InsertHold(long orderId, string storeId, HoldLine hold, DateTimeOffset deadline) =>
        _insertHold.Execute(orderId, storeId, hold.DishId, hold.Quantity, StoredValues.ToTicks(deadline));

    public void MoveHolds(long orderId, HoldState state) => _moveHolds.Execute(StoredValues.ToText(state), orderId);

    public void SetStockTotal(SetStockTotal write) => _setStockTotal.Execute(write.StoreId, write.DishId, write.Total);

    public void InsertIdempotency(IdempotencyRecord record)
    {
        // Into the filter first: it must never miss a stored key, while an extra one (a rolled-back batch) is harmless.
        _filter.Add(record.Scope, record.Key);
        _insertIdempotency.Execute(
            record.Scope,
            record.Key,
            record.RequestHash,
            record.StatusCode,
            record.Location,
            record.Body,
            StoredValues.ToTicks(record.CreatedAt));
    }

    public void InsertOutbox(OutboxEvent @event) => _insertOutbox.Execute(
        @event.Id.ToString("D"),
        @event.Type,
        @event.AggregateId,
        @event.StoreId,
        @event.Payload,
        StoredValues.ToTicks(@event.OccurredAt));

    public void Dispose()
    {
        _insertHold.Dispose();
        _moveHolds.Dispose();
        _setStockTotal.Dispose();
        _insertIdempotency.Dispose();
        _insertOutbox.Dispose();
    }
}
