using Canteen.Core.Shared;
using Canteen.Engine.Payments;
using Canteen.Engine.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Xunit;

namespace Canteen.Engine.Tests.Payments;

/// <summary>
/// The gateway's Polly pipeline against a scripted provider. Real time with tens of milliseconds where a timer must
/// fire (retry delays, attempt timeouts); the circuit-breaker tests use a <see cref="FakeTimeProvider"/> instead, since
/// Polly refuses a break duration under half a second and the breaker needs no timer, only the clock. Outcomes and
/// attempt counts are asserted, never durations.
/// </summary>
public sealed class PaymentGatewayTests
{
    private const string Name = ScriptedPaymentProvider.DefaultName;
    private const long PaymentId = 1001;

    private static readonly Money Amount = new(2800, "CNY");
    private static readonly DateTimeOffset Deadline = new(2026, 11, 24, 12, 15, 0, TimeSpan.Zero);
    private static readonly ProviderPaymentRequest CreateRequest = new(PaymentId, 7, "main", Amount, "Canteen order A-7", "native", null, Deadline);
    private static readonly ProviderPaymentReference Reference = new(PaymentId, Amount, "prepay-1");
    private static readonly ProviderRefundRequest RefundRequest = new(PaymentId, "R1001", "txn-1", Amount, Amount, "Canteen order refund");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Options with retries that back off by a millisecond and a breaker that stays out of the way.</summary>
    private static PaymentOptions RetryOptions(int maxRetries = 2, TimeSpan? attemptTimeout = null) => new()
    {
        Resilience = new ProviderResilienceOptions
        {
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(5),
            MaxRetries = maxRetries,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            FailureRatio = 0.5,
            MinimumThroughput = 1_000,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(15),
        },
    };

    /// <summary>Options whose breaker opens after two failed calls (no retries, so one call is one attempt).</summary>
    private static PaymentOptions BreakerOptions() => new()
    {
        Resilience = new ProviderResilienceOptions
        {
            AttemptTimeout = TimeSpan.FromSeconds(5),
            MaxRetries = 0,
            FailureRatio = 0.5,
            MinimumThroughput = 2,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(1),
        },
    };

    private static PaymentGateway Gateway(PaymentOptions options, TimeProvider? time = null, params IPaymentProvider[] providers) =>
        new(providers, Options.Create(options), time ?? TimeProvider.System);

    private static PaymentGateway Gateway(ScriptedPaymentProvider provider, PaymentOptions? options = null, TimeProvider? time = null) =>
        Gateway(options ?? RetryOptions(), time, provider);

    /// <summary>Calls one of the gateway's four operations and returns the provider's answer.</summary>
    private static async Task<object> CallAsync(PaymentGateway gateway, string operation, string provider = Name, CancellationToken? cancellationToken = null)
    {
        var ct = cancellationToken ?? Ct;
        return operation switch
        {
            "create" => await gateway.CreateAsync(provider, CreateRequest, ct),
            "query" => await gateway.QueryAsync(provider, Reference, ct),
            "close" => await gateway.CloseAsync(provider, Reference, ct),
            "refund" => await gateway.RefundAsync(provider, RefundRequest, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };
    }

    private static Task<PaymentProviderException> FailsAsync(PaymentGateway gateway, string operation = "create", string provider = Name) =>
        Assert.ThrowsAsync<PaymentProviderException>(() => CallAsync(gateway, operation, provider)).Guarded();

    [Fact]
    public async Task Calls_EveryOperation_ReachMatchingProviderMethodAndReturnItsAnswer()
    {
        var provider = new ScriptedPaymentProvider();
        var gateway = Gateway(provider);

        var created = await gateway.CreateAsync(Name, CreateRequest, Ct);
        var queried = await gateway.QueryAsync(Name, Reference, Ct);
        var closed = await gateway.CloseAsync(Name, Reference, Ct);
        var refunded = await gateway.RefundAsync(Name, RefundRequest, Ct);

        Assert.Equal(new ProviderPayment("prepay-1", "https://pay.test/1001", "weixin://wxpay/1001"), created);
        Assert.Equal(new ProviderPaymentState(ProviderPaymentStatus.Succeeded, "txn-1001", Amount), queried);
        Assert.Equal(new ProviderPaymentState(ProviderPaymentStatus.Closed), closed);
        Assert.Equal(ProviderRefundStatus.Processing, refunded);
        Assert.Equal(["create", "query", "close", "refund"], provider.Calls);
    }

    [Theory]
    [InlineData("create", 1)]
    [InlineData("create", 2)]
    [InlineData("create", 3)]
    [InlineData("query", 3)]
    [InlineData("close", 3)]
    [InlineData("refund", 3)]
    public async Task Call_TransientFailuresWithinMaxRetries_RetriedUntilSuccess(string operation, int failures)
    {
        var provider = new ScriptedPaymentProvider().FailTransiently(failures);
        var gateway = Gateway(provider, RetryOptions(maxRetries: 3));

        var answer = await CallAsync(gateway, operation).Guarded();

        Assert.NotNull(answer);
        Assert.Equal(failures + 1, provider.Attempts);
        Assert.All(provider.Calls, call => Assert.Equal(operation, call));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Call_TransientFailureBeyondMaxRetries_ThrowsTransientAfterAllAttempts(int maxRetries)
    {
        var provider = new ScriptedPaymentProvider().AlwaysFailTransiently();
        var gateway = Gateway(provider, RetryOptions(maxRetries));

        var ex = await FailsAsync(gateway);

        Assert.True(ex.Transient);
        Assert.Equal(ScriptedPaymentProvider.TransientCode, ex.Code);
        Assert.Equal(Name, ex.Provider);
        Assert.Equal(maxRetries + 1, provider.Attempts);
    }

    [Fact]
    public async Task Call_FailsOneMoreTimeThanRetries_Throws()
    {
        var provider = new ScriptedPaymentProvider().FailTransiently(3);
        var gateway = Gateway(provider, RetryOptions(maxRetries: 2));

        var ex = await FailsAsync(gateway);

        Assert.True(ex.Transient);
        Assert.Equal(3, provider.Attempts);
    }

    [Theory]
    [InlineData("create")]
    [InlineData("query")]
    [InlineData("close")]
    [InlineData("refund")]
    public async Task Call_NonTransientFailure_NotRetriedAndPropagates(string operation)
    {
        var provider = new ScriptedPaymentProvider().FailPermanently();
        var gateway = Gateway(provider, RetryOptions(maxRetries: 3));

        var ex = await FailsAsync(gateway, operation);

        Assert.False(ex.Transient);
        Assert.Equal(ScriptedPaymentProvider.PermanentCode, ex.Code);
        Assert.Equal(Name, ex.Provider);
        Assert.Equal(1, provider.Attempts);
    }

    [Fact]
    public async Task Call_TransientThenNonTransient_StopsAtTheNonTransient()
    {
        var provider = new ScriptedPaymentProvider().FailTransiently().FailPermanently().FailTransiently();
        var gateway = Gateway(provider, RetryOptions(maxRetries: 5));

        var ex = await FailsAsync(gateway);

        Assert.False(ex.Transient);
        Assert.Equal(2, provider.Attempts);
    }

    [Fact]
    public async Task Call_HangingProvider_CutByAttemptTimeoutAsTransientTimeout()
    {
        var provider = new ScriptedPaymentProvider().AlwaysHang();
        var gateway = Gateway(provider, RetryOptions(maxRetries: 0, attemptTimeout: TimeSpan.FromMilliseconds(30)));

        var ex = await FailsAsync(gateway);

        Assert.Equal("timeout", ex.Code);
        Assert.True(ex.Transient);
        Assert.Equal(Name, ex.Provider);
        Assert.IsType<TimeoutRejectedException>(ex.InnerException);
        Assert.Equal(1, provider.Attempts);
    }

    [Fact]
    public async Task Call_HangingEveryAttempt_EachAttemptTimedOutAndRetried()
    {
        var provider = new ScriptedPaymentProvider().AlwaysHang();
        var gateway = Gateway(provider, RetryOptions(maxRetries: 2, attemptTimeout: TimeSpan.FromMilliseconds(20)));

        var ex = await FailsAsync(gateway, "query");

        Assert.Equal("timeout", ex.Code);
        Assert.True(ex.Transient);
        Assert.Equal(3, provider.Attempts);
    }

    [Fact]
    public async Task Call_HangsOnceThenAnswers_RetriedAfterTimeoutAndSucceeds()
    {
        var provider = new ScriptedPaymentProvider().Hang();
        var gateway = Gateway(provider, RetryOptions(maxRetries: 1, attemptTimeout: TimeSpan.FromMilliseconds(30)));

        var state = await gateway.QueryAsync(Name, Reference, Ct).Guarded();

        Assert.Equal(ProviderPaymentStatus.Succeeded, state.Status);
        Assert.Equal(2, provider.Attempts);
    }

    [Fact]
    public async Task Call_CallerCancelsWhileProviderHangs_ThrowsCancellationNotProviderError()
    {
        var provider = new ScriptedPaymentProvider().AlwaysHang();
        var gateway = Gateway(provider, RetryOptions(maxRetries: 2));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        // Cancel once the provider is hanging, not after a fixed delay: on a loaded machine a delay could fire before
        // the first attempt started (a flaky run saw 0 attempts).
        var call = CallAsync(gateway, "create", cancellationToken: cts.Token);
        await TestWait.UntilAsync(() => provider.Attempts == 1);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call).Guarded();
        Assert.Equal(1, provider.Attempts);
    }

    public static TheoryData<string> TransportErrors() => new() { "http", "io" };

    private static Exception TransportError(string kind) =>
        kind == "http" ? new HttpRequestException("connection refused") : new IOException("connection reset");

    [Theory]
    [MemberData(nameof(TransportErrors))]
    public async Task Call_TransportErrorOnce_RetriedAndSucceeds(string kind)
    {
        var provider = new ScriptedPaymentProvider().Throw(() => TransportError(kind));
        var gateway = Gateway(provider, RetryOptions(maxRetries: 1));

        await CallAsync(gateway, "close").Guarded();

        Assert.Equal(2, provider.Attempts);
    }

    [Theory]
    [MemberData(nameof(TransportErrors))]
    public async Task Call_TransportErrorEveryAttempt_WrappedAsTransientTransportError(string kind)
    {
        var provider = new ScriptedPaymentProvider().Throw(() => TransportError(kind), times: 2);
        var gateway = Gateway(provider, RetryOptions(maxRetries: 1));

        var ex = await FailsAsync(gateway);

        Assert.Equal("transport_error", ex.Code);
        Assert.True(ex.Transient);
        Assert.Equal(Name, ex.Provider);
        Assert.IsType(TransportError(kind).GetType(), ex.InnerException);
        Assert.Equal(2, provider.Attempts);
    }

    [Theory]
    [InlineData("create")]
    [InlineData("query")]
    [InlineData("close")]
    [InlineData("refund")]
    public async Task Call_UnknownProvider_ThrowsNotConfiguredWithoutRetry(string operation)
    {
        var provider = new ScriptedPaymentProvider();
        var gateway = Gateway(provider, RetryOptions(maxRetries: 3));

        var ex = await FailsAsync(gateway, operation, provider: "alipay");

        Assert.Equal("provider_not_configured", ex.Code);
        Assert.False(ex.Transient);
        Assert.Equal("alipay", ex.Provider);
        Assert.Equal(0, provider.Attempts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Call_ChaosFaultRateOne_EveryCallFailsWithChaosWithoutReachingProvider(int maxRetries)
    {
        var provider = new ScriptedPaymentProvider();
        var options = RetryOptions(maxRetries);
        options.Chaos.FaultRate = 1;
        var gateway = Gateway(provider, options);

        foreach (var operation in new[] { "create", "query", "close", "refund", "create" })
        {
            var ex = await FailsAsync(gateway, operation);

            Assert.Equal("chaos", ex.Code);
            Assert.True(ex.Transient);
            Assert.Equal(Name, ex.Provider);
        }

        Assert.Equal(0, provider.Attempts);
    }

    [Fact]
    public async Task Call_ChaosLatencyBeyondAttemptTimeout_TimesOutWithoutReachingProvider()
    {
        // Chaos sits inside the timeout: an injected delay meets the same per-attempt limit as a slow provider.
        var provider = new ScriptedPaymentProvider();
        var options = RetryOptions(maxRetries: 0, attemptTimeout: TimeSpan.FromMilliseconds(30));
        options.Chaos.LatencyRate = 1;
        options.Chaos.Latency = TimeSpan.FromSeconds(10);
        var gateway = Gateway(provider, options);

        var ex = await FailsAsync(gateway);

        Assert.Equal("timeout", ex.Code);
        Assert.Equal(0, provider.Attempts);
    }

    [Fact]
    public async Task Call_ChaosOff_ReachesProvider()
    {
        var provider = new ScriptedPaymentProvider();
        var options = RetryOptions();

        Assert.False(options.Chaos.Enabled);
        await CallAsync(Gateway(provider, options), "create");
        Assert.Equal(1, provider.Attempts);
    }

    [Fact]
    public async Task Circuit_AfterEnoughTransientFailures_OpensAndFailsFastWithoutReachingProvider()
    {
        var time = new FakeTimeProvider(Deadline);
        var provider = new ScriptedPaymentProvider().FailTransiently(2);
        var gateway = Gateway(provider, BreakerOptions(), time);

        Assert.Equal(ScriptedPaymentProvider.TransientCode, (await FailsAsync(gateway)).Code);
        Assert.Equal(ScriptedPaymentProvider.TransientCode, (await FailsAsync(gateway)).Code);

        foreach (var operation in new[] { "create", "query", "close", "refund" })
        {
            var ex = await FailsAsync(gateway, operation);

            Assert.Equal("circuit_open", ex.Code);
            Assert.True(ex.Transient);
            Assert.Equal(Name, ex.Provider);
            Assert.IsType<BrokenCircuitException>(ex.InnerException, exactMatch: false);
        }

        Assert.Equal(2, provider.Attempts);
    }

    [Fact]
    public async Task Circuit_AfterBreakDuration_ProbeSucceedsAndCloses()
    {
        var time = new FakeTimeProvider(Deadline);
        var provider = new ScriptedPaymentProvider().FailTransiently(2);
        var gateway = Gateway(provider, BreakerOptions(), time);
        await FailsAsync(gateway);
        await FailsAsync(gateway);
        Assert.Equal("circuit_open", (await FailsAsync(gateway)).Code);

        time.Advance(TimeSpan.FromSeconds(1.5));
        var probe = await gateway.QueryAsync(Name, Reference, Ct).Guarded();

        Assert.Equal(ProviderPaymentStatus.Succeeded, probe.Status);
        Assert.Equal(3, provider.Attempts);

        // Closed again: the next calls reach the provider.
        await CallAsync(gateway, "create");
        await CallAsync(gateway, "refund");
        Assert.Equal(5, provider.Attempts);
    }

    [Fact]
    public async Task Circuit_BeforeBreakDuration_StillOpen()
    {
        var time = new FakeTimeProvider(Deadline);
        var provider = new ScriptedPaymentProvider().FailTransiently(2);
        var gateway = Gateway(provider, BreakerOptions(), time);
        await FailsAsync(gateway);
        await FailsAsync(gateway);

        time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal("circuit_open", (await FailsAsync(gateway)).Code);
        Assert.Equal(2, provider.Attempts);
    }

    [Fact]
    public async Task Circuit_ProbeFails_OpensAgain()
    {
        var time = new FakeTimeProvider(Deadline);
        var provider = new ScriptedPaymentProvider().FailTransiently(3);
        var gateway = Gateway(provider, BreakerOptions(), time);
        await FailsAsync(gateway);
        await FailsAsync(gateway);
        time.Advance(TimeSpan.FromSeconds(1.5));

        var probe = await FailsAsync(gateway);
        var next = await FailsAsync(gateway);

        Assert.Equal(ScriptedPaymentProvider.TransientCode, probe.Code);
        Assert.Equal("circuit_open", next.Code);
        Assert.Equal(3, provider.Attempts);
    }

    [Fact]
    public async Task Circuit_NonTransientFailures_DoNotOpenIt()
    {
        var time = new FakeTimeProvider(Deadline);
        var provider = new ScriptedPaymentProvider().FailPermanently(5);
        var gateway = Gateway(provider, BreakerOptions(), time);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(ScriptedPaymentProvider.PermanentCode, (await FailsAsync(gateway)).Code);
        }

        await CallAsync(gateway, "create");
        Assert.Equal(6, provider.Attempts);
    }

    [Fact]
    public async Task Circuit_OneProviderOpen_OtherProviderUnaffected()
    {
        var time = new FakeTimeProvider(Deadline);
        var failing = new ScriptedPaymentProvider("wechatpay").AlwaysFailTransiently();
        var healthy = new ScriptedPaymentProvider("alipay");
        var gateway = Gateway(BreakerOptions(), time, failing, healthy);
        await FailsAsync(gateway, provider: "wechatpay");
        await FailsAsync(gateway, provider: "wechatpay");

        Assert.Equal("circuit_open", (await FailsAsync(gateway, provider: "wechatpay")).Code);
        await CallAsync(gateway, "create", "alipay");
        await CallAsync(gateway, "create", "alipay");

        Assert.Equal(2, failing.Attempts);
        Assert.Equal(2, healthy.Attempts);
    }

    [Fact]
    public async Task Circuit_OpenWithRetriesConfigured_FailsFastWithoutRetrying()
    {
        var provider = new ScriptedPaymentProvider().AlwaysFailTransiently();
        var options = BreakerOptions();
        options.Resilience.MaxRetries = 3;
        options.Resilience.RetryDelay = TimeSpan.FromMilliseconds(1);
        var gateway = Gateway(provider, options);

        // The retries of the first call are what trip the breaker: attempt 2 opens it, attempt 3 is refused.
        var ex = await FailsAsync(gateway);

        Assert.Equal("circuit_open", ex.Code);
        Assert.Equal(2, provider.Attempts);
    }

    [Fact]
    public void FindNames_ConfiguredProviders_ListedByExactName()
    {
        var cash = new CashProvider();
        var scripted = new ScriptedPaymentProvider();
        var gateway = Gateway(RetryOptions(), null, cash, scripted);

        Assert.Equal(["cash", Name], gateway.Names.Order(StringComparer.Ordinal));
        Assert.Same(cash, gateway.Find("cash"));
        Assert.Same(scripted, gateway.Find(Name));
        Assert.Null(gateway.Find("CASH"));
        Assert.Null(gateway.Find("wechatpay"));
        Assert.Null(gateway.Find(""));
    }

    [Fact]
    public void FindNames_NoProviders_Empty()
    {
        var gateway = Gateway(RetryOptions(), null);

        Assert.Empty(gateway.Names);
        Assert.Null(gateway.Find("cash"));
    }

    [Fact]
    public void Constructor_TwoProvidersWithSameName_Throws()
    {
        Assert.Throws<ArgumentException>(() => Gateway(RetryOptions(), null, new ScriptedPaymentProvider("x"), new ScriptedPaymentProvider("x")));
    }

    [Fact]
    public async Task CreateAsync_CashThroughGateway_ReturnsNoUrls()
    {
        var gateway = Gateway(RetryOptions(), null, new CashProvider());

        var created = await gateway.CreateAsync(CashProvider.ProviderName, CreateRequest, Ct);

        Assert.Equal(new ProviderPayment(null, null, null), created);
    }
}
