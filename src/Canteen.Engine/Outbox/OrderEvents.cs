using System.Globalization;
using System.Text.Json;
using Canteen.Core.Ordering;
using Canteen.Engine.Telemetry;

namespace Canteen.Engine.Outbox;

/// <summary>Builds the outbox event for an order change; the type name follows the status it moved to.</summary>
public static class OrderEvents
{
    public static OutboxEvent For(Order order, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        var type = order.Version == 1 ? "OrderCreated" : "Order" + order.Status;
        var id = order.Id.ToString(CultureInfo.InvariantCulture);
        var payload = new OrderEventPayload(
            id, order.Number, order.StoreId, OrderStatusNames.ToWire(order.Status), order.Version,
            order.Total.Minor, order.Total.Currency, order.Pickup.Display, OutboxTrace.CurrentTraceParent());
        return new OutboxEvent(
            Guid.CreateVersion7(now), type, id, order.StoreId,
            JsonSerializer.Serialize(payload, EngineJsonContext.Default.OrderEventPayload), now);
    }
}
