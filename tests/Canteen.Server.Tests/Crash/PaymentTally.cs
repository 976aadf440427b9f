using System.Collections.Concurrent;

namespace Canteen.Server.Tests.Crash;

/// <summary>What one guest set out to do with an order.</summary>
internal enum PaymentScenario
{
    /// <summary>Open a payment and pay it.</summary>
    Pay,

    /// <summary>Decline the first payment, open another and pay that.</summary>
    FailThenPay,

    /// <summary>Open a payment and walk away: the order expires.</summary>
    Abandon,

    /// <summary>Cancel the order, then pay the payment that was still open: a late capture, refunded automatically.</summary>
    CancelThenPay,

    /// <summary>Pay, then staff refund from <c>paid</c> (the portions go back).</summary>
    PayThenRefund,

    /// <summary>Pay, the kitchen starts, then staff refund from <c>preparing</c> (the portions stay sold).</summary>
    PayStartRefund,
}

/// <summary>What the payment workload's guests did and saw, for the summary and for failure messages.</summary>
internal sealed class PaymentTally
{
    private readonly ConcurrentDictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _notes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _surprises = new();
    private TaskCompletionSource _acted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _placed;
    private int _abandoned;

    public int Placed => Volatile.Read(ref _placed);

    /// <summary>Guests stopped by the workload's time guard before finishing their orders.</summary>
    public int Abandoned => Volatile.Read(ref _abandoned);

    public IReadOnlyList<string> Surprises => [.. _surprises];

    /// <summary>Completes when a guest next pays, declines, cancels or refunds: the saga has work in flight right after.</summary>
    public Task NextAction => Volatile.Read(ref _acted).Task;

    public void OrderPlaced() => Interlocked.Increment(ref _placed);

    /// <summary>A guest's action was answered (see <see cref="NextAction"/>).</summary>
    public void Acted() => Interlocked.Exchange(ref _acted, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public void GuestStopped() => Interlocked.Increment(ref _abandoned);

    /// <summary>How one order's scenario ended from the guest's point of view.</summary>
    public void Outcome(PaymentScenario scenario, string what) => _outcomes.AddOrUpdate($"{scenario}→{what}", 1, (_, n) => n + 1);

    /// <summary>Something expected but worth counting (a 502 from the provider, an adopted payment).</summary>
    public void Note(string what) => _notes.AddOrUpdate(what, 1, (_, n) => n + 1);

    /// <summary>An answer no step expects: reported, and fails the test.</summary>
    public void Surprise(string step, Reply reply) => _surprises.Enqueue($"{step} → {reply}");

    public string OutcomeSummary => Join(_outcomes);

    public string NoteSummary => Join(_notes);

    private static string Join(ConcurrentDictionary<string, int> counts) =>
        string.Join(", ", counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
}
