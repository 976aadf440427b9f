namespace Canteen.Engine.Ordering;

/// <summary>
/// Counts a caller's orders that still hold stock while waiting for payment, so the edge can cap them (a guest must
/// not hoard limited dishes by placing orders it never pays). Kept apart from <see cref="Storage.IOrderStore"/>: only
/// the edge asks, and only before placing.
/// </summary>
public interface IUnpaidOrderCounter
{
    /// <summary>
    /// How many of <paramref name="ownerId"/>'s orders are <c>created</c> or <c>paying</c>. Backed by an index on
    /// (owner, status), so it is cheap enough to ask on every placement.
    /// </summary>
    Task<int> CountUnpaidOrdersAsync(string ownerId, CancellationToken cancellationToken);
}
