using Canteen.Core.Shared;

namespace Canteen.Engine.Errors;

/// <summary>
/// Why a use case refused a request, in the stable vocabulary of the API's problem <c>code</c>s. The edge maps it
/// to a problem response; the engine never speaks HTTP, only says whether the request was malformed or well formed
/// but unprocessable (<see cref="Unprocessable"/>).
/// </summary>
public sealed record Failure(string Code, string Detail)
{
    public IReadOnlyList<ValidationError>? Errors { get; init; }

    public IReadOnlyList<string>? DishIds { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    public bool Unprocessable { get; init; }

    /// <summary>For <c>version_conflict</c>: the caller's <c>If-Match</c> was stale (412), not a lost race (409).</summary>
    public bool PreconditionFailed { get; init; }

    public static Failure NotFound(string what) => new(FailureCodes.NotFound, $"{what} was not found.");

    /// <summary>An order shed under load (503): by the admission limit in front of the handler or by a full writer queue.</summary>
    public static Failure Overloaded(TimeSpan retryAfter) =>
        new(FailureCodes.Overloaded, "Too many orders at once; please retry shortly.") { RetryAfter = retryAfter };

    public static Failure Invalid(IReadOnlyList<ValidationError> errors, bool unprocessable = false) =>
        new(FailureCodes.ValidationFailed, "The request is not valid: " + string.Join(" ", errors.Select(e => e.Message)))
        {
            Errors = errors,
            Unprocessable = unprocessable,
        };
}
