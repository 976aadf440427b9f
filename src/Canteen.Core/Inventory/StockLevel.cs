namespace Canteen.Core.Inventory;

/// <summary>
/// One limited dish's portions in one store. The invariant every authority keeps:
/// <c>Available + Reserved + Sold == Total</c> and none of them negative.
/// </summary>
public readonly record struct StockLevel(string DishId, int Available, int Reserved, int Sold)
{
    public int Total => Available + Reserved + Sold;

    public bool IsConsistent => Available >= 0 && Reserved >= 0 && Sold >= 0;
}
