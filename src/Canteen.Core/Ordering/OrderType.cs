namespace Canteen.Core.Ordering;

/// <summary>How the guest eats. Wire names are <c>dine_in</c>, <c>takeaway</c>, <c>delivery</c>.</summary>
public enum OrderType
{
    DineIn,
    Takeaway,
    Delivery,
}
