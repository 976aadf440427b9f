using System.Collections.Concurrent;

namespace Canteen.Engine.Idempotency;

/// <summary>
/// Idempotency-Key semantics (API.md): first use runs, a retry with the same body replays the stored response, a
/// different body is refused, and a retry while the first is still running gets "in progress".
/// </summary>
/// <remarks>
/// In-flight keys live in memory: within one instance that is exact. Across instances the durable record's primary
/// key (scope, key) is the backstop: the second commit fails and that caller is answered from the first's record.
/// The in-flight mark is taken before the durable lookup, so a request cannot slip between "not found" and "mark".
/// </remarks>
public sealed class IdempotencyGate(IIdempotencyStore store)
{
    private readonly ConcurrentDictionary<(string Scope, string Key), byte> _inFlight = new();

    public async Task<IdempotencyStart> StartAsync(string scope, string key, string requestHash, CancellationToken cancellationToken)
    {
        var id = (scope, key);
        if (!_inFlight.TryAdd(id, 0))
        {
            return new IdempotencyStart.InProgress();
        }

        try
        {
            var existing = await store.FindAsync(scope, key, cancellationToken);
            if (existing is not null)
            {
                _inFlight.TryRemove(id, out _);
                return string.Equals(existing.RequestHash, requestHash, StringComparison.Ordinal)
                    ? new IdempotencyStart.Replay(existing)
                    : new IdempotencyStart.KeyReused();
            }
        }
        catch
        {
            _inFlight.TryRemove(id, out _);
            throw;
        }

        return new IdempotencyStart.Proceed(new IdempotencyLease(scope, key, requestHash, () => _inFlight.TryRemove(id, out _)));
    }
}
