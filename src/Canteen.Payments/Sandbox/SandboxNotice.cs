namespace Canteen.Payments.Sandbox;

/// <summary>The body of a sandbox callback.</summary>
/// <param name="PaymentId">Our payment id, as a string (like a real provider's merchant trade number).</param>
/// <param name="Status"><c>paid</c>, <c>declined</c>, <c>closed</c> or <c>refunded</c>.</param>
/// <param name="TransactionId">The sandbox's transaction id, when paid.</param>
/// <param name="Amount">The amount in minor units.</param>
/// <param name="Currency">The currency.</param>
public sealed record SandboxNotice(string PaymentId, string Status, string? TransactionId, long Amount, string Currency);
