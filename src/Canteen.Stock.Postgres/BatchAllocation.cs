using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;

namespace Canteen.Stock.Postgres;

/// <summary>
/// Decides a batch of Try requests in memory against counters the batch has locked, in arrival order, exactly as if
/// they had run one after another: each order gets all its limited lines or none, and a sold-out order names every
/// dish that was short at its turn. The result is one delta per dish and the hold rows to insert.
/// </summary>
internal sealed class BatchAllocation
{
    private readonly Dictionary<(string StoreId, string DishId), int> _available;

    public BatchAllocation(
        IReadOnlyList<PendingTry> batch,
        IReadOnlyDictionary<long, HoldResult> existing,
        Dictionary<(string StoreId, string DishId), int> available)
    {
        _available = available;
        Results = new HoldResult[batch.Count];
        var decided = new Dictionary<long, HoldResult>(existing);
        for (var i = 0; i < batch.Count; i++)
        {
            var request = batch[i].Request;
            if (!decided.TryGetValue(request.OrderId, out var result))
            {
                result = Decide(request, batch[i].Lines);
                decided[request.OrderId] = result;
            }

            Results[i] = result;
        }
    }

    public HoldResult[] Results { get; }

    /// <summary>What each dish's counter row moves by (available → reserved): one UPDATE row per dish.</summary>
    public Dictionary<(string StoreId, string DishId), int> Deltas { get; } = [];

    public List<NewHold> NewHolds { get; } = [];

    private HoldResult Decide(HoldRequest request, HoldLine[] lines)
    {
        var limited = lines.Where(l => _available.ContainsKey((request.StoreId, l.DishId))).ToArray();
        var soldOut = limited.Where(l => _available[(request.StoreId, l.DishId)] < l.Quantity).Select(l => l.DishId).ToList();
        if (soldOut.Count > 0)
        {
            return HoldResult.SoldOut(soldOut);
        }

        if (limited.Length == 0)
        {
            return HoldResult.Success([]);
        }

        foreach (var line in limited)
        {
            var key = (request.StoreId, line.DishId);
            _available[key] -= line.Quantity;
            Deltas[key] = Deltas.GetValueOrDefault(key) + line.Quantity;
        }

        NewHolds.Add(new NewHold(request.OrderId, request.StoreId, HoldRows.Held, request.Deadline, limited));
        return HoldResult.Success(limited);
    }
}
