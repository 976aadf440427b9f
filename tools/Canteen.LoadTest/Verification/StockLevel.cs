namespace Canteen.LoadTest.Verification;

/// <summary>One limited dish's numbers as <c>GET /stores/{id}/stock</c> reports them.</summary>
internal sealed record StockLevel(string DishId, int Total, int Available, int Reserved, int Sold)
{
    /// <summary>Portions taken by orders (held for payment or sold).</summary>
    public int Taken => Reserved + Sold;

    public bool AddsUp => Available >= 0 && Reserved >= 0 && Sold >= 0 && Available + Reserved + Sold == Total;
}
