namespace Canteen.Engine.Idempotency;

/// <summary>Durable idempotency records. They are written by the order writer, in the batch of the change they answer.</summary>
public interface IIdempotencyStore
{
    /// <summary>The record for <paramref name="key"/> within the caller's <paramref name="scope"/>, or null.</summary>
    Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken);

    /// <summary>Whether any record created before <paramref name="createdBefore"/> is still stored (see <c>PruneIdempotency</c>).</summary>
    Task<bool> AnyCreatedBeforeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken);
}
