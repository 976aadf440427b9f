namespace Canteen.Payments.Sandbox;

/// <summary>The sandbox's own record of one payment, as a real provider would keep it.</summary>
public sealed record SandboxTrade(
    long PaymentId,
    long AmountMinor,
    string Currency,
    SandboxTradeStatus Status,
    string? TransactionId,
    IReadOnlyList<string> RefundIds,
    DateTimeOffset? ExpiresAt = null);

public enum SandboxTradeStatus
{
    Pending,
    Paid,
    Declined,
    Closed,
}
