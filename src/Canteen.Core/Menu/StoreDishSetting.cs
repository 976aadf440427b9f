namespace Canteen.Core.Menu;

/// <summary>A store's deviation from the chain menu for one dish: not sold there, or sold at another price.</summary>
public sealed record StoreDishSetting(string StoreId, string DishId, bool Available, long? PriceOverride);
