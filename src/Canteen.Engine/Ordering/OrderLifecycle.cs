using System.Diagnostics;
using System.Globalization;
using Canteen.Core.Ordering;
using Canteen.Engine.Errors;
using Canteen.Engine.Inventory;
using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;
using Canteen.Engine.Telemetry;

namespace Canteen.Engine.Ordering;

/// <summary>
/// Reads orders and moves them through the state machine with optimistic concurrency: the move is computed on the
/// version read, and storage applies it only if that version is still current. The loser of a race gets
/// <c>version_conflict</c>, never a silent overwrite.
/// </summary>
public sealed class OrderLifecycle(IOrderStore store, OrderWriter writer, StockFollowUp stock, TimeProvider time)
{
    public async Task<Order> GetAsync(long orderId, CancellationToken cancellationToken) =>
        await store.FindAsync(orderId, cancellationToken) ?? throw new FailureException(Failure.NotFound($"Order {orderId}"));

    public Task<OrderPage> ListAsync(string storeId, OrderStatus? status, int limit, long? before, CancellationToken cancellationToken) =>
        store.ListAsync(storeId, status, limit, before, cancellationToken);

    /// <param name="orderId">The order.</param>
    /// <param name="to">The status to move to; illegal moves throw <see cref="InvalidTransitionException"/>.</param>
    /// <param name="expectedVersion">The caller's <c>If-Match</c>, if any: a stale one is refused before anything changes.</param>
    /// <param name="cancellationToken">Cancels the read; a queued write still completes.</param>
    public Task<Order> MoveAsync(long orderId, OrderStatus to, int? expectedVersion, CancellationToken cancellationToken) =>
        MoveAsync(orderId, read: null, to, expectedVersion, system: false, cancellationToken);

    /// <summary>
    /// Cancels an unpaid order past its deadline, as read by the caller (<see cref="GetAsync"/>), as the system's own
    /// write: it waits for one of the writer's system places instead of taking a guest's, so the expiry sweeper can keep
    /// many in flight without shedding guests' orders, and is never shed itself (the order would only expire again on
    /// the next sweep). The caller reads, so it can bound its reads apart from its writes in flight: a read holds a
    /// pooled database connection, a queued write holds none.
    /// </summary>
    public Task<Order> ExpireAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return MoveAsync(order.Id, order, OrderStatus.Cancelled, expectedVersion: null, system: true, cancellationToken);
    }

    private async Task<Order> MoveAsync(long orderId, Order? read, OrderStatus to, int? expectedVersion, bool system, CancellationToken cancellationToken)
    {
        // One span per move (cancel, pay, start, ready, complete...), named alike and told apart by order.status.
        using var activity = CanteenTelemetry.Source.StartActivity("MoveOrder");
        activity?.SetTag(CanteenTelemetry.OrderIdTag, orderId.ToString(CultureInfo.InvariantCulture));
        activity?.SetTag("order.status", OrderStatusNames.ToWire(to));
        try
        {
            return await MoveCoreAsync(orderId, read, to, expectedVersion, system, activity, cancellationToken);
        }
        catch (Exception ex)
        {
            activity.RecordError(ex);
            throw;
        }
    }

    /// <summary>A caller's stale <c>If-Match</c> is refused (412) before anything changes.</summary>
    public static void EnsureVersion(Order order, int? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (expectedVersion is { } expected && expected != order.Version)
        {
            throw new FailureException(new Failure(FailureCodes.VersionConflict, $"The order is at version {order.Version}, not {expected}.")
            {
                PreconditionFailed = true,
            });
        }
    }

    private async Task<Order> MoveCoreAsync(
        long orderId, Order? read, OrderStatus to, int? expectedVersion, bool system, Activity? activity, CancellationToken cancellationToken)
    {
        var order = read ?? await GetAsync(orderId, cancellationToken);
        activity?.SetTag(CanteenTelemetry.StoreIdTag, order.StoreId);
        EnsureVersion(order, expectedVersion);

        var readVersion = order.Version;
        var now = time.GetUtcNow();
        order.MoveTo(to, now);
        var holdChange = to switch
        {
            OrderStatus.Cancelled => HoldState.Released,
            OrderStatus.Paid => HoldState.Confirmed,
            _ => (HoldState?)null,
        };
        var write = new UpdateOrder(order.ToSnapshot(), readVersion, holdChange, OrderEvents.For(order, now));
        var outcome = system ? await writer.SubmitWaitingAsync(write, cancellationToken) : await writer.SubmitAsync(write);
        switch (outcome)
        {
            case WriteOutcome.VersionConflict:
                throw new FailureException(new Failure(FailureCodes.VersionConflict, "The order was changed by someone else; read it again."));
            case WriteOutcome.NotFound:
                throw new FailureException(Failure.NotFound($"Order {orderId}"));
        }

        // Only after the change is durable does the ledger follow, retrying until it takes it; after a crash in
        // between, start-up rebuilds the ledger from the persisted hold states, so the two cannot disagree for long.
        if (holdChange == HoldState.Released)
        {
            await stock.CancelAsync(orderId);
        }
        else if (holdChange == HoldState.Confirmed)
        {
            await stock.ConfirmAsync(orderId);
        }

        return order;
    }
}
