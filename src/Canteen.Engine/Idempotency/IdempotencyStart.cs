namespace Canteen.Engine.Idempotency;

/// <summary>What to do with a request that carries an <c>Idempotency-Key</c>.</summary>
public abstract record IdempotencyStart
{
    /// <summary>First use: run the request; dispose the lease when done.</summary>
    public sealed record Proceed(IdempotencyLease Lease) : IdempotencyStart;

    /// <summary>Seen before with the same body: answer with the stored response.</summary>
    public sealed record Replay(IdempotencyRecord Record) : IdempotencyStart;

    /// <summary>Seen before with another body (422).</summary>
    public sealed record KeyReused : IdempotencyStart;

    /// <summary>The first request with this key is still running (409).</summary>
    public sealed record InProgress : IdempotencyStart;
}
