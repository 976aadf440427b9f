using System.Collections.Concurrent;
using Canteen.Engine.Payments;

namespace Canteen.Engine.Tests.Payments;

/// <summary>
/// A provider whose answers a test scripts, one step per call that reaches it (whichever method): fail transiently,
/// fail for good, throw a transport error, hang until cancelled, or succeed. When the script runs out it does what
/// <see cref="Otherwise"/> says (succeed, unless told otherwise). It counts every call that reaches it.
/// </summary>
internal sealed class ScriptedPaymentProvider(string name = ScriptedPaymentProvider.DefaultName) : IPaymentProvider
{
    public const string DefaultName = "scripted";
    public const string TransientCode = "SYSTEM_ERROR";
    public const string PermanentCode = "PARAM_ERROR";

    private readonly ConcurrentQueue<Func<CancellationToken, Task>> _script = new();
    private readonly ConcurrentQueue<string> _calls = new();
    private int _attempts;

    public string Name => name;

    public IReadOnlyList<string> Methods => ["native", "jsapi"];

    /// <summary>Calls that reached the provider, i.e. got past chaos, the breaker and the pipeline's own checks.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The provider methods reached, in order: <c>create</c>, <c>query</c>, <c>close</c>, <c>refund</c>.</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>What a call does once the script is used up.</summary>
    public Func<CancellationToken, Task> Otherwise { get; set; } = Succeeds;

    public static Task Succeeds(CancellationToken cancellationToken) => Task.CompletedTask;

    public ScriptedPaymentProvider Succeed(int times = 1) => Enqueue(times, Succeeds);

    public ScriptedPaymentProvider FailTransiently(int times = 1) => Enqueue(times, _ => Task.FromException(Transient()));

    public ScriptedPaymentProvider FailPermanently(int times = 1) => Enqueue(times, _ => Task.FromException(Permanent()));

    public ScriptedPaymentProvider Throw(Func<Exception> error, int times = 1) => Enqueue(times, _ => Task.FromException(error()));

    /// <summary>Never answers; only the call's cancellation token (the attempt timeout, or the caller) ends it.</summary>
    public ScriptedPaymentProvider Hang(int times = 1) => Enqueue(times, Hangs);

    public ScriptedPaymentProvider AlwaysFailTransiently()
    {
        Otherwise = _ => Task.FromException(Transient());
        return this;
    }

    public ScriptedPaymentProvider AlwaysHang()
    {
        Otherwise = Hangs;
        return this;
    }

    public async Task<ProviderPayment> CreateAsync(ProviderPaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var attempt = await RunAsync("create", cancellationToken);
        return new ProviderPayment($"prepay-{attempt}", $"https://pay.test/{request.PaymentId}", $"weixin://wxpay/{request.PaymentId}");
    }

    public async Task<ProviderPaymentState> QueryAsync(ProviderPaymentReference payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        await RunAsync("query", cancellationToken);
        return new ProviderPaymentState(ProviderPaymentStatus.Succeeded, $"txn-{payment.PaymentId}", payment.Amount);
    }

    public async Task<ProviderPaymentState> CloseAsync(ProviderPaymentReference payment, CancellationToken cancellationToken)
    {
        await RunAsync("close", cancellationToken);
        return new ProviderPaymentState(ProviderPaymentStatus.Closed);
    }

    public async Task<ProviderRefundStatus> RefundAsync(ProviderRefundRequest request, CancellationToken cancellationToken)
    {
        await RunAsync("refund", cancellationToken);
        return ProviderRefundStatus.Processing;
    }

    public ProviderCallback VerifyCallback(ProviderCallbackRequest request) =>
        throw new CallbackRejectedException("The scripted provider sends no callbacks.");

    private static Task Hangs(CancellationToken cancellationToken) => Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);

    private PaymentProviderException Transient() => new(name, TransientCode, "Scripted transient failure.", transient: true);

    private PaymentProviderException Permanent() => new(name, PermanentCode, "Scripted permanent failure.", transient: false);

    private ScriptedPaymentProvider Enqueue(int times, Func<CancellationToken, Task> step)
    {
        for (var i = 0; i < times; i++)
        {
            _script.Enqueue(step);
        }

        return this;
    }

    private async Task<int> RunAsync(string call, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        _calls.Enqueue(call);
        var step = _script.TryDequeue(out var scripted) ? scripted : Otherwise;
        await step(cancellationToken);
        return attempt;
    }
}
