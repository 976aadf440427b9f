using System.Globalization;
using Canteen.Core.Menu;
using Canteen.Core.Ordering;
using Canteen.Core.Shared;
using Canteen.Engine.Ordering;
using Canteen.Server.Api.Contracts;

namespace Canteen.Server.Api;

/// <summary>Between the wire shapes of API.md and the domain.</summary>
internal static class OrderMapping
{
    public static OrderDto ToDto(Order order) => new(
        order.Id.ToString(CultureInfo.InvariantCulture),
        order.Number,
        order.Pickup.Display,
        order.StoreId,
        OrderStatusNames.ToWire(order.Type),
        order.Table,
        OrderStatusNames.ToWire(order.Status),
        order.Lines.Select(l => new OrderItemDto(
            l.DishId,
            l.Name,
            l.Quantity,
            l.UnitPrice.Minor,
            l.Options.Select(o => new OrderItemOptionDto(o.Id, o.Name, o.PriceDelta.Minor)).ToList(),
            l.LineTotal.Minor,
            l.Note)).ToList(),
        order.Total.Minor,
        order.Total.Currency,
        order.Version,
        order.PaymentDeadline.UtcDateTime,
        order.CreatedAt.UtcDateTime,
        order.UpdatedAt.UtcDateTime,
        order.Note);

    /// <summary>Checks the request's shape (presence, types of values) and builds the command; limits are the engine's.</summary>
    public static (PlaceOrderCommand? Command, List<ValidationError> Errors) ToCommand(string storeId, string ownerId, PlaceOrderRequest request)
    {
        var errors = new List<ValidationError>();
        if (!OrderStatusNames.TryParseType(request.Type, out var type))
        {
            errors.Add(new ValidationError("type", "type must be one of dine_in, takeaway, delivery."));
        }

        if (request.Items is null)
        {
            errors.Add(new ValidationError("items", "items is required."));
            return (null, errors);
        }

        var lines = new List<LineRequest>(request.Items.Count);
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            if (item is null)
            {
                errors.Add(new ValidationError($"items[{i}]", "An item must be an object."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(item.DishId))
            {
                errors.Add(new ValidationError($"items[{i}].dishId", "dishId is required."));
            }

            if (item.Quantity is null)
            {
                errors.Add(new ValidationError($"items[{i}].quantity", "quantity is required."));
            }

            if (item.Options?.Any(o => string.IsNullOrWhiteSpace(o)) == true)
            {
                errors.Add(new ValidationError($"items[{i}].options", "Option ids must be non-empty strings."));
            }

            lines.Add(new LineRequest(item.DishId ?? string.Empty, item.Quantity ?? 0, item.Options?.Select(o => o ?? string.Empty).ToList() ?? [], item.Note));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new PlaceOrderCommand(storeId, ownerId, type, request.Table, request.Note, lines), errors);
    }
}
