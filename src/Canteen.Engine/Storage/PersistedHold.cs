namespace Canteen.Engine.Storage;

/// <summary>A hold line as stored: enough to rebuild the in-process ledger after a restart.</summary>
public sealed record PersistedHold(long OrderId, string StoreId, string DishId, int Quantity, HoldState State, DateTimeOffset Deadline);
