namespace Canteen.Server.Api;

/// <summary>The largest daily total a limited dish may have (what every stock authority can count).</summary>
internal static class StockLimits
{
    public const int MaxPortions = 1_000_000;
}
