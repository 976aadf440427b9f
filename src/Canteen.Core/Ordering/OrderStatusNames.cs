namespace Canteen.Core.Ordering;

/// <summary>The wire (snake_case) names of statuses and order types, shared by the API and storage.</summary>
public static class OrderStatusNames
{
    public static string ToWire(OrderStatus status) => status switch
    {
        OrderStatus.Created => "created",
        OrderStatus.Paying => "paying",
        OrderStatus.Paid => "paid",
        OrderStatus.Preparing => "preparing",
        OrderStatus.Ready => "ready",
        OrderStatus.Completed => "completed",
        OrderStatus.Cancelled => "cancelled",
        OrderStatus.Refunded => "refunded",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParseStatus(string? value, out OrderStatus status)
    {
        foreach (var candidate in Enum.GetValues<OrderStatus>())
        {
            if (string.Equals(ToWire(candidate), value, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static string ToWire(OrderType type) => type switch
    {
        OrderType.DineIn => "dine_in",
        OrderType.Takeaway => "takeaway",
        OrderType.Delivery => "delivery",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParseType(string? value, out OrderType type)
    {
        foreach (var candidate in Enum.GetValues<OrderType>())
        {
            if (string.Equals(ToWire(candidate), value, StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }
}
