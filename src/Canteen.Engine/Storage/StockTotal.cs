namespace Canteen.Engine.Storage;

/// <summary>Today's total portions of a limited dish in a store, and the daily portions it resets to.</summary>
public sealed record StockTotal(string StoreId, string DishId, int Total, int DailyPortions);
