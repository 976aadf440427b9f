namespace Canteen.Engine.Idempotency;

/// <summary>
/// Marks a key as in flight until disposed. Whoever holds it writes the durable record together with the change
/// it answers (see <see cref="ToRecord"/>), so a key is never remembered for a change that did not happen.
/// </summary>
public sealed class IdempotencyLease : IDisposable
{
    private readonly Action _release;
    private int _disposed;

    internal IdempotencyLease(string scope, string key, string requestHash, Action release)
    {
        Scope = scope;
        Key = key;
        RequestHash = requestHash;
        _release = release;
    }

    public string Scope { get; }

    public string Key { get; }

    public string RequestHash { get; }

    public IdempotencyRecord ToRecord(int statusCode, string? location, byte[] body, DateTimeOffset now) =>
        new(Scope, Key, RequestHash, statusCode, location, body, now);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _release();
        }
    }
}
