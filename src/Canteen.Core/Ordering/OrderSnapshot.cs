using Canteen.Core.Shared;

namespace Canteen.Core.Ordering;

/// <summary>Every persisted field of an <see cref="Order"/>: what storage reads and writes.</summary>
public sealed record OrderSnapshot(
    long Id,
    string StoreId,
    string OwnerId,
    OrderType Type,
    string? Table,
    string? Note,
    OrderStatus Status,
    IReadOnlyList<OrderLine> Lines,
    Money Total,
    int Version,
    PickupNumber Pickup,
    DateTimeOffset PaymentDeadline,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
