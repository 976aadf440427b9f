using Canteen.Engine.Telemetry;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Simmy;
using Polly.Timeout;

namespace Canteen.Engine.Payments;

/// <summary>
/// The saga's only way to a provider: every call goes through that provider's Polly pipeline (retry with jitter for
/// transient failures → circuit breaker → per-attempt timeout → optional chaos), is counted by outcome, and fails
/// with a <see cref="PaymentProviderException"/> whatever went wrong underneath, so callers handle one exception type.
/// </summary>
/// <remarks>
/// Retrying is safe for every call because each is idempotent at the provider: creation and close are keyed by our
/// payment id (the merchant trade number), refunds by our refund id. One pipeline per provider, so one provider's
/// outage opens only its own circuit.
/// </remarks>
public sealed class PaymentGateway
{
    private readonly Dictionary<string, (IPaymentProvider Provider, ResiliencePipeline Pipeline)> _providers;

    public PaymentGateway(IEnumerable<IPaymentProvider> providers, IOptions<PaymentOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(options);
        _providers = providers.ToDictionary(
            p => p.Name,
            p => (p, BuildPipeline(p.Name, options.Value, time)),
            StringComparer.Ordinal);
    }

    /// <summary>The names of the providers this instance can use.</summary>
    public IReadOnlyCollection<string> Names => _providers.Keys;

    public IPaymentProvider? Find(string name) => _providers.TryGetValue(name, out var entry) ? entry.Provider : null;

    public Task<ProviderPayment> CreateAsync(string provider, ProviderPaymentRequest request, CancellationToken cancellationToken) =>
        ExecuteAsync(provider, (p, ct) => p.CreateAsync(request, ct), cancellationToken);

    public Task<ProviderPaymentState> QueryAsync(string provider, ProviderPaymentReference payment, CancellationToken cancellationToken) =>
        ExecuteAsync(provider, (p, ct) => p.QueryAsync(payment, ct), cancellationToken);

    public Task<ProviderPaymentState> CloseAsync(string provider, ProviderPaymentReference payment, CancellationToken cancellationToken) =>
        ExecuteAsync(provider, (p, ct) => p.CloseAsync(payment, ct), cancellationToken);

    public Task<ProviderRefundStatus> RefundAsync(string provider, ProviderRefundRequest request, CancellationToken cancellationToken) =>
        ExecuteAsync(provider, (p, ct) => p.RefundAsync(request, ct), cancellationToken);

    private async Task<T> ExecuteAsync<T>(string name, Func<IPaymentProvider, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        if (!_providers.TryGetValue(name, out var entry))
        {
            throw new PaymentProviderException(name, "provider_not_configured", $"The payment provider '{name}' is not configured on this instance.", transient: false);
        }

        try
        {
            var result = await entry.Pipeline.ExecuteAsync(async ct => await call(entry.Provider, ct), cancellationToken);
            SagaMetrics.ProviderCall(name, "succeeded");
            return result;
        }
        catch (PaymentProviderException ex)
        {
            SagaMetrics.ProviderCall(name, ex.Transient ? "error" : "declined");
            throw;
        }
        catch (BrokenCircuitException ex)
        {
            SagaMetrics.ProviderCall(name, "rejected");
            throw new PaymentProviderException(name, "circuit_open", $"Calls to {name} are paused after repeated failures.", transient: true, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            SagaMetrics.ProviderCall(name, "timeout");
            throw new PaymentProviderException(name, "timeout", $"{name} did not answer in time.", transient: true, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            SagaMetrics.ProviderCall(name, "error");
            throw new PaymentProviderException(name, "transport_error", $"{name} could not be reached: {ex.Message}", transient: true, ex);
        }
    }

    private static ResiliencePipeline BuildPipeline(string name, PaymentOptions options, TimeProvider time)
    {
        var r = options.Resilience;
        var shouldHandle = new PredicateBuilder()
            .Handle<PaymentProviderException>(e => e.Transient)
            .Handle<TimeoutRejectedException>()
            .Handle<HttpRequestException>()
            .Handle<IOException>()

            // An HttpClient timeout surfaces as a cancellation nobody asked for; the caller's own cancellation stops
            // Polly before it retries, so handling every cancellation here only ever retries the former.
            .Handle<OperationCanceledException>();
        var builder = new ResiliencePipelineBuilder { TimeProvider = time, Name = "payment-" + name };
        if (r.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = shouldHandle,
                MaxRetryAttempts = r.MaxRetries,
                Delay = r.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = shouldHandle,
            FailureRatio = r.FailureRatio,
            MinimumThroughput = Math.Max(2, r.MinimumThroughput),
            SamplingDuration = r.SamplingDuration,
            BreakDuration = r.BreakDuration,
            OnOpened = _ => Report(name, 2),
            OnHalfOpened = _ => Report(name, 1),
            OnClosed = _ => Report(name, 0),
        });
        builder.AddTimeout(r.AttemptTimeout);

        // Chaos sits innermost, so an injected fault or delay meets the same timeout, retry and breaker as a real one.
        var chaos = options.Chaos;
        if (chaos.LatencyRate > 0)
        {
            builder.AddChaosLatency(chaos.LatencyRate, chaos.Latency);
        }

        if (chaos.FaultRate > 0)
        {
            builder.AddChaosFault(chaos.FaultRate, () => new PaymentProviderException(name, "chaos", "Injected provider failure.", transient: true));
        }

        return builder.Build();
    }

    private static ValueTask Report(string provider, int state)
    {
        SagaMetrics.CircuitChanged(provider, state);
        return ValueTask.CompletedTask;
    }
}
