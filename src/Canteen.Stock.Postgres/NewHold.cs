using Canteen.Engine.Storage;

namespace Canteen.Stock.Postgres;

/// <summary>A hold row to insert: by a batched Try, or when seeding from storage.</summary>
internal sealed record NewHold(long OrderId, string StoreId, string State, DateTimeOffset Deadline, IReadOnlyList<HoldLine> Lines);
