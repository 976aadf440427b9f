using Canteen.Engine.Storage;

namespace Canteen.Engine.Inventory;

/// <summary>
/// The outcome of a Try. On success <see cref="Held"/> lists what was actually held (limited dishes only, one
/// entry per dish); otherwise <see cref="SoldOutDishIds"/> names every dish that lacked portions and nothing is held.
/// </summary>
public sealed record HoldResult(bool Succeeded, IReadOnlyList<HoldLine> Held, IReadOnlyList<string> SoldOutDishIds)
{
    public static HoldResult Success(IReadOnlyList<HoldLine> held) => new(true, held, []);

    public static HoldResult SoldOut(IReadOnlyList<string> dishIds) => new(false, [], dishIds);

    /// <summary>The hold was cancelled before it was tried (a barrier): a late Try must not reserve anything.</summary>
    public static HoldResult Barred { get; } = new(false, [], []);
}
