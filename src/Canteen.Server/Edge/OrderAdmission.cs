using System.Globalization;
using System.Threading.RateLimiting;
using Canteen.Engine.Errors;
using Canteen.Engine.Ordering;
using Canteen.Engine.Telemetry;
using Canteen.Server.Api;
using Microsoft.Extensions.Options;

namespace Canteen.Server.Edge;

/// <summary>
/// The order admission limit (<c>Canteen:Limits:OrderConcurrencyLimit</c> placements in progress plus
/// <c>OrderConcurrencyQueueLimit</c> waiting): the excess gets 503 <c>overloaded</c> at once.
/// </summary>
/// <remarks>
/// Its own middleware, ahead of authentication, rather than a link of the rate-limiter chain: under 3x overload two
/// of every three placements are refused here, and a refusal that validates no token, evaluates no policy and walks
/// no limiter chain leaves the cores to the orders being served (bench/RESULTS.md). Only the route is needed to
/// decide, and routing has already run. Partitions are keyed by the limits' version, so a configuration change
/// takes effect without a restart, as for the other limits.
/// </remarks>
public sealed class OrderAdmission(LimitsState state, IOptions<OrderingOptions> ordering, TimeProvider time) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter =
        PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, state));

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var started = time.GetTimestamp();
        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(context, 1, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client left while waiting for a slot: nobody to answer
        }

        using (lease)
        {
            if (lease.IsAcquired)
            {
                await next(context);
                return;
            }
        }

        CanteenMetrics.OrderFailed(FailureCodes.Overloaded, refused: true, time.GetElapsedTime(started));
        // The same answer, and the same configured Retry-After, as when the writer's queue is full.
        await Problems.From(Failure.Overloaded(ordering.Value.OverloadRetryAfter), context).ExecuteAsync(context);
    }

    public void Dispose() => _limiter.Dispose();

    private static RateLimitPartition<string> Partition(HttpContext context, LimitsState state)
    {
        var options = state.Current;
        return options.OrderConcurrencyLimit > 0 && RateLimits.EndpointName(context) == "PlaceOrder"
            ? RateLimitPartition.GetConcurrencyLimiter("orders:" + state.Version.ToString(CultureInfo.InvariantCulture), _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = options.OrderConcurrencyLimit,
                QueueLimit = Math.Max(0, options.OrderConcurrencyQueueLimit),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            : RateLimitPartition.GetNoLimiter("-");
    }
}
