namespace Canteen.Engine.Idempotency;

/// <summary>
/// The first response to a request made with an <c>Idempotency-Key</c>, kept so a retry gets exactly the same
/// status and body. <see cref="RequestHash"/> (SHA-256 of the body, hex) tells a retry from a reused key.
/// </summary>
public sealed record IdempotencyRecord(
    string Scope,
    string Key,
    string RequestHash,
    int StatusCode,
    string? Location,
    byte[] Body,
    DateTimeOffset CreatedAt);
