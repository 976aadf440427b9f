using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;

namespace Canteen.Stock.Postgres;

/// <summary>One queued Try, answered when the batch that took it has committed.</summary>
internal sealed class PendingTry(HoldRequest request, HoldLine[] lines)
{
    public HoldRequest Request { get; } = request;

    /// <summary>One line per dish, summed and sorted by dish id.</summary>
    public HoldLine[] Lines { get; } = lines;

    // Continuations run on the pool, not inline on the batch loop, so one slow caller cannot stall every batch.
    public TaskCompletionSource<HoldResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
