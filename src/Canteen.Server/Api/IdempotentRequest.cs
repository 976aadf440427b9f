using Canteen.Core.Shared;
using Canteen.Engine.Errors;
using Canteen.Engine.Idempotency;

namespace Canteen.Server.Api;

/// <summary>
/// The start of a request that creates something (an order, a payment): the <c>Idempotency-Key</c> checked, the body
/// read, and the key claimed. Either <see cref="Answer"/> is set (a problem, or the stored replay of the first
/// response) and the handler returns it, or the handler proceeds holding <see cref="Lease"/> and <see cref="Body"/>.
/// </summary>
internal sealed record IdempotentRequest(IdempotencyLease? Lease, byte[]? Body, IResult? Answer)
{
    public static async Task<IdempotentRequest> BeginAsync(HttpContext context, IdempotencyGate gate, string missingHint, CancellationToken cancellationToken)
    {
        var keys = context.Request.Headers[IdempotencyKey.Header];
        if (keys.Count == 0 || string.IsNullOrEmpty(keys[0]))
        {
            return Stop(Problems.Of(FailureCodes.IdempotencyKeyMissing, missingHint, context));
        }

        if (keys.Count > 1 || !IdempotencyKey.IsValid(keys[0]))
        {
            return Stop(Problems.From(Failure.Invalid([new ValidationError(IdempotencyKey.Header, "One key of 1-255 printable ASCII characters.")]), context));
        }

        var (body, tooLarge) = await RequestBody.ReadBytesAsync(context, cancellationToken);
        if (body is null)
        {
            return Stop(tooLarge!);
        }

        var start = await gate.StartAsync(CallerIdentity.Of(context), keys[0]!, IdempotencyKey.Fingerprint(context.Request, body), cancellationToken);
        return start switch
        {
            IdempotencyStart.Replay replay => Stop(new StoredResponseResult(replay.Record.StatusCode, replay.Record.Location, replay.Record.Body)),
            IdempotencyStart.KeyReused => Stop(Problems.Of(FailureCodes.IdempotencyKeyReused, "This Idempotency-Key was already used with a different request.", context)),
            IdempotencyStart.InProgress => Stop(Problems.Of(FailureCodes.RequestInProgress, "A request with this Idempotency-Key is still being processed.", context)),
            IdempotencyStart.Proceed proceed => new IdempotentRequest(proceed.Lease, body, null),
            _ => throw new InvalidOperationException("Unknown idempotency start."),
        };
    }

    private static IdempotentRequest Stop(IResult answer) => new(null, null, answer);
}
