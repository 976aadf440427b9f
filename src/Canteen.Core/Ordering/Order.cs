using Canteen.Core.Shared;

namespace Canteen.Core.Ordering;

/// <summary>
/// The order aggregate. Its lines and total are fixed at creation (priced by the server); afterwards only its
/// status moves, along <see cref="OrderTransitions"/>, and every move bumps <see cref="Version"/> so concurrent
/// writers can detect each other. An illegal move throws <see cref="InvalidTransitionException"/>.
/// </summary>
public sealed class Order
{
    private Order(OrderSnapshot s)
    {
        Id = s.Id;
        StoreId = s.StoreId;
        OwnerId = s.OwnerId;
        Type = s.Type;
        Table = s.Table;
        Note = s.Note;
        Status = s.Status;
        Lines = s.Lines.ToArray().AsReadOnly();
        Total = s.Total;
        Version = s.Version;
        Pickup = s.Pickup;
        PaymentDeadline = s.PaymentDeadline;
        CreatedAt = s.CreatedAt;
        UpdatedAt = s.UpdatedAt;
    }

    public long Id { get; }

    public string Number => OrderNumber.Format(Id);

    public string StoreId { get; }

    /// <summary>The caller identity that placed the order (guest token subject, or <c>anonymous</c>).</summary>
    public string OwnerId { get; }

    public OrderType Type { get; }

    public string? Table { get; }

    public string? Note { get; }

    public OrderStatus Status { get; private set; }

    public IReadOnlyList<OrderLine> Lines { get; }

    public Money Total { get; }

    public int Version { get; private set; }

    public PickupNumber Pickup { get; }

    public DateTimeOffset PaymentDeadline { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Order Create(
        long id,
        string storeId,
        string ownerId,
        OrderType type,
        string? table,
        string? note,
        IReadOnlyList<OrderLine> lines,
        PickupNumber pickup,
        DateTimeOffset now,
        TimeSpan paymentTimeout)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            throw new DomainException("validation_failed", "An order needs at least one line.");
        }

        if (lines.Any(l => l.Quantity < 1))
        {
            throw new DomainException("validation_failed", "Every line needs a quantity of at least 1.");
        }

        if (type == OrderType.DineIn && string.IsNullOrWhiteSpace(table))
        {
            throw new DomainException("validation_failed", "A dine-in order needs a table.");
        }

        var total = lines.Skip(1).Aggregate(lines[0].LineTotal, (sum, l) => sum + l.LineTotal);
        return new Order(new OrderSnapshot(
            id, storeId, ownerId, type, table, note, OrderStatus.Created, lines, total, 1, pickup,
            now + paymentTimeout, now, now));
    }

    public static Order Restore(OrderSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new Order(snapshot);
    }

    public OrderSnapshot ToSnapshot() => new(
        Id, StoreId, OwnerId, Type, Table, Note, Status, Lines, Total, Version, Pickup, PaymentDeadline, CreatedAt, UpdatedAt);

    public void StartPaying(DateTimeOffset now) => MoveTo(OrderStatus.Paying, now);

    public void MarkPaid(DateTimeOffset now) => MoveTo(OrderStatus.Paid, now);

    /// <summary>A payment failed: the guest may try again until the deadline.</summary>
    public void ReturnToCreated(DateTimeOffset now) => MoveTo(OrderStatus.Created, now);

    public void Cancel(DateTimeOffset now) => MoveTo(OrderStatus.Cancelled, now);

    public void StartPreparing(DateTimeOffset now) => MoveTo(OrderStatus.Preparing, now);

    public void MarkReady(DateTimeOffset now) => MoveTo(OrderStatus.Ready, now);

    public void Complete(DateTimeOffset now) => MoveTo(OrderStatus.Completed, now);

    public void Refund(DateTimeOffset now) => MoveTo(OrderStatus.Refunded, now);

    /// <summary>Applies any move by target status; the single gate every transition passes through.</summary>
    public void MoveTo(OrderStatus to, DateTimeOffset now)
    {
        if (!OrderTransitions.IsAllowed(Status, to))
        {
            throw new InvalidTransitionException(Status, to);
        }

        Status = to;
        Version++;
        UpdatedAt = now > UpdatedAt ? now : UpdatedAt;
    }
}
