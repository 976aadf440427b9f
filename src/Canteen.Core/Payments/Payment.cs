using Canteen.Core.Shared;

namespace Canteen.Core.Payments;

/// <summary>
/// One attempt to pay for an order. Its status moves along <see cref="PaymentTransitions"/> and every change bumps
/// <see cref="Version"/>; an illegal move throws <see cref="InvalidPaymentTransitionException"/>. Besides its status it
/// carries the saga's schedule for it (<see cref="NextCheckAt"/>, <see cref="Attempts"/>): what the payment saga must
/// do next is derived from the persisted payment alone, which is what lets a restarted process resume any step.
/// </summary>
public sealed class Payment
{
    private Payment(PaymentSnapshot s)
    {
        Id = s.Id;
        OrderId = s.OrderId;
        StoreId = s.StoreId;
        Provider = s.Provider;
        Method = s.Method;
        Amount = s.Amount;
        Status = s.Status;
        ProviderReference = s.ProviderReference;
        PayUrl = s.PayUrl;
        CodeUrl = s.CodeUrl;
        Version = s.Version;
        Attempts = s.Attempts;
        NextCheckAt = s.NextCheckAt;
        CreatedAt = s.CreatedAt;
        UpdatedAt = s.UpdatedAt;
    }

    public long Id { get; }

    public long OrderId { get; }

    public string StoreId { get; }

    public string Provider { get; }

    public string? Method { get; }

    public Money Amount { get; }

    public PaymentStatus Status { get; private set; }

    public string? ProviderReference { get; private set; }

    public string? PayUrl { get; private set; }

    public string? CodeUrl { get; private set; }

    public int Version { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? NextCheckAt { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <param name="id">Our id, also the merchant trade number.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="storeId">The order's store.</param>
    /// <param name="provider">The provider's name.</param>
    /// <param name="method">The provider's method, if it has several.</param>
    /// <param name="amount">What the order costs; must be positive.</param>
    /// <param name="now">The current time.</param>
    /// <param name="firstCheckAt">When the saga first looks at it if no callback arrives (the active query).</param>
    public static Payment Create(long id, long orderId, string storeId, string provider, string? method, Money amount, DateTimeOffset now, DateTimeOffset firstCheckAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        if (amount.Minor <= 0)
        {
            throw new DomainException("validation_failed", "A payment needs a positive amount.");
        }

        return new Payment(new PaymentSnapshot(
            id, orderId, storeId, provider, method, amount, PaymentStatus.Pending, null, null, null, 1, 0, firstCheckAt, now, now));
    }

    public static Payment Restore(PaymentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new Payment(snapshot);
    }

    public PaymentSnapshot ToSnapshot() => new(
        Id, OrderId, StoreId, Provider, Method, Amount, Status, ProviderReference, PayUrl, CodeUrl, Version, Attempts,
        NextCheckAt, CreatedAt, UpdatedAt);

    /// <summary>The provider accepted the payment: where the guest pays, and its own reference if it gave one.</summary>
    public void Opened(string? providerReference, string? payUrl, string? codeUrl, DateTimeOffset now)
    {
        if (Status != PaymentStatus.Pending)
        {
            throw new InvalidPaymentTransitionException(Status, PaymentStatus.Pending);
        }

        ProviderReference = providerReference ?? ProviderReference;
        PayUrl = payUrl;
        CodeUrl = codeUrl;
        Touch(now);
    }

    /// <summary>The provider captured the money; nothing is left to do on the payment unless a refund is started.</summary>
    public void Succeed(string? providerReference, DateTimeOffset now)
    {
        MoveTo(PaymentStatus.Succeeded, now, null);
        ProviderReference = providerReference ?? ProviderReference;
    }

    public void Fail(DateTimeOffset now) => MoveTo(PaymentStatus.Failed, now, null);

    public void Close(DateTimeOffset now) => MoveTo(PaymentStatus.Closed, now, null);

    /// <summary>The money is owed back: the saga sends the refund from <paramref name="now"/> on until it succeeds.</summary>
    public void StartRefund(DateTimeOffset now) => MoveTo(PaymentStatus.Refunding, now, now);

    public void Refunded(DateTimeOffset now) => MoveTo(PaymentStatus.Refunded, now, null);

    /// <summary>A saga step on this payment did not finish (provider error, still pending): try again at <paramref name="nextCheckAt"/>.</summary>
    public void Retry(DateTimeOffset nextCheckAt, bool failedAttempt, DateTimeOffset now)
    {
        if (Status is not (PaymentStatus.Pending or PaymentStatus.Refunding))
        {
            throw new DomainException("invalid_transition", $"A payment that is {PaymentStatusNames.ToWire(Status)} has no step to retry.");
        }

        Attempts = failedAttempt ? Attempts + 1 : Attempts;
        NextCheckAt = nextCheckAt;
        Touch(now);
    }

    private void MoveTo(PaymentStatus to, DateTimeOffset now, DateTimeOffset? nextCheckAt)
    {
        if (!PaymentTransitions.IsAllowed(Status, to))
        {
            throw new InvalidPaymentTransitionException(Status, to);
        }

        Status = to;
        Attempts = 0;
        NextCheckAt = nextCheckAt;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now > UpdatedAt ? now : UpdatedAt;
    }
}
