using System.Diagnostics;
using System.Globalization;
using Canteen.Core.Menu;
using Canteen.Core.Ordering;
using Canteen.Engine.Catalog;
using Canteen.Engine.Errors;
using Canteen.Engine.Idempotency;
using Canteen.Engine.Inventory;
using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;
using Canteen.Engine.Telemetry;
using Microsoft.Extensions.Options;

namespace Canteen.Engine.Ordering;

/// <summary>
/// The hot path (DESIGN §3): validate, price from the menu snapshot, hold stock all-or-nothing, build the order,
/// and hand it to the group-commit writer. Whatever goes wrong after the hold, the hold is released: a refused
/// or failed order never keeps portions.
/// </summary>
public sealed class PlaceOrderHandler(
    MenuCache menus,
    IStockAuthority stock,
    OrderWriter writer,
    SnowflakeIdGenerator ids,
    PickupNumberAllocator pickups,
    TimeProvider time,
    IOptions<OrderingOptions> options)
{
    private readonly OrderingOptions _options = options.Value;

    /// <param name="command">The order.</param>
    /// <param name="idempotency">Given when the request had a key: renders the response to store with the order.</param>
    /// <param name="cancellationToken">Stops waiting; an order already queued is still committed or released.</param>
    public async Task<PlaceOrderOutcome> HandleAsync(
        PlaceOrderCommand command,
        Func<Order, IdempotencyRecord>? idempotency,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var activity = CanteenTelemetry.Source.StartActivity("PlaceOrder");
        activity?.SetTag(CanteenTelemetry.StoreIdTag, command.StoreId);
        var started = time.GetTimestamp();
        try
        {
            var outcome = await PlaceAsync(command, idempotency, activity, cancellationToken);
            if (outcome is PlaceOrderOutcome.Refused refused)
            {
                activity?.SetTag(CanteenTelemetry.FailureCodeTag, refused.Failure.Code);
                CanteenMetrics.OrderFailed(refused.Failure.Code, refused: true, time.GetElapsedTime(started));
            }
            else
            {
                CanteenMetrics.OrderPlaced(time.GetElapsedTime(started));
            }

            return outcome;
        }
        catch (Exception ex)
        {
            activity.RecordError(ex);
            CanteenMetrics.OrderFailed(CanteenTelemetry.CodeOf(ex), refused: false, time.GetElapsedTime(started));
            throw;
        }
    }

    private async Task<PlaceOrderOutcome> PlaceAsync(
        PlaceOrderCommand command,
        Func<Order, IdempotencyRecord>? idempotency,
        Activity? activity,
        CancellationToken cancellationToken)
    {
        var errors = OrderCommandValidator.Validate(command, _options);
        if (errors.Count > 0)
        {
            return Refuse(Failure.Invalid(errors));
        }

        if (!menus.TryGet(command.StoreId, out var menu))
        {
            return Refuse(Failure.NotFound($"Store '{command.StoreId}'"));
        }

        var pricing = OrderPricer.Price(menu, command.Lines);
        if (!pricing.Succeeded)
        {
            return Refuse(Failure.Invalid(pricing.Errors, unprocessable: true));
        }

        var id = ids.NextId();
        activity?.SetTag(CanteenTelemetry.OrderIdTag, id.ToString(CultureInfo.InvariantCulture));
        var now = time.GetUtcNow();
        var holdLines = pricing.Lines.Select(l => new HoldLine(l.DishId, l.Quantity)).ToList();
        var hold = await stock.TryHoldAsync(new HoldRequest(id, command.StoreId, holdLines, now + _options.PaymentTimeout), cancellationToken);
        if (!hold.Succeeded)
        {
            return Refuse(new Failure(FailureCodes.SoldOut, "Not enough portions left of: " + string.Join(", ", hold.SoldOutDishIds) + ".")
            {
                DishIds = hold.SoldOutDishIds,
            });
        }

        try
        {
            var order = Order.Create(
                id, command.StoreId, command.OwnerId, command.Type, command.Table, command.Note, pricing.Lines,
                pickups.Next(command.StoreId), now, _options.PaymentTimeout);
            var write = new InsertOrder(order.ToSnapshot(), hold.Held, idempotency?.Invoke(order), OrderEvents.For(order, now));
            var outcome = await writer.SubmitAsync(write);
            return outcome == WriteOutcome.Committed
                ? new PlaceOrderOutcome.Placed(order)
                : throw new InvalidOperationException($"Inserting order {id} returned {outcome}.");
        }
        catch when (hold.Held.Count == 0)
        {
            // Nothing was reserved, so there is nothing to give back; a Cancel would only leave a barrier the ledger
            // remembers for ReleasedHoldRetention, one per shed order under overload.
            throw;
        }
        catch
        {
            await stock.CancelAsync(id, CancellationToken.None);
            throw;
        }
    }

    private static PlaceOrderOutcome.Refused Refuse(Failure failure) => new(failure);
}
