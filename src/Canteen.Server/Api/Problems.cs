using Canteen.Engine.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Canteen.Server.Api;

/// <summary>
/// Turns a <see cref="Failure"/> into an RFC 9457 problem response carrying the stable <c>code</c>. This is the
/// only place that knows which HTTP status each code has.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult From(Failure failure, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(context);
        if (failure.RetryAfter is { } retry)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var problem = Create(StatusOf(failure), failure.Code, failure.Detail);
        if (failure.Errors is { Count: > 0 } errors)
        {
            problem.Extensions["errors"] = errors
                .GroupBy(e => e.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        }

        if (failure.DishIds is { Count: > 0 } dishIds)
        {
            problem.Extensions["dishIds"] = dishIds.ToArray();
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Of(string code, string detail, HttpContext context) =>
        From(new Failure(code, detail), context);

    public static ProblemDetails Create(int status, string code, string detail) => new()
    {
        Status = status,
        Type = TypeOf(code),
        Title = TitleOf(code),
        Detail = detail,
        Extensions = { ["code"] = code },
    };

    public static string TypeOf(string code) => "urn:canteen:problem:" + code;

    public static int StatusOf(Failure failure) => failure.Code switch
    {
        FailureCodes.ValidationFailed => failure.Unprocessable ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest,
        FailureCodes.IdempotencyKeyMissing => StatusCodes.Status400BadRequest,
        FailureCodes.Unauthorized => StatusCodes.Status401Unauthorized,
        FailureCodes.Forbidden => StatusCodes.Status403Forbidden,
        FailureCodes.NotFound => StatusCodes.Status404NotFound,
        FailureCodes.VersionConflict => failure.PreconditionFailed ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
        FailureCodes.SoldOut or FailureCodes.InvalidTransition or FailureCodes.RequestInProgress or FailureCodes.StockConflict
            or FailureCodes.TooManyUnpaidOrders
            => StatusCodes.Status409Conflict,
        FailureCodes.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        FailureCodes.IdempotencyKeyReused => StatusCodes.Status422UnprocessableEntity,
        FailureCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        FailureCodes.Overloaded or FailureCodes.PaymentProviderUnavailable => StatusCodes.Status503ServiceUnavailable,
        FailureCodes.PaymentDeadlinePassed => StatusCodes.Status409Conflict,
        FailureCodes.PaymentProviderFailed => StatusCodes.Status502BadGateway,
        FailureCodes.CallbackRejected => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The code for an error response that carries none (routing 404s, 405s, framework 400s).</summary>
    public static string CodeOfStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => FailureCodes.Unauthorized,
        StatusCodes.Status403Forbidden => FailureCodes.Forbidden,
        StatusCodes.Status404NotFound => FailureCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
        StatusCodes.Status413PayloadTooLarge => FailureCodes.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
        StatusCodes.Status429TooManyRequests => FailureCodes.RateLimited,
        StatusCodes.Status503ServiceUnavailable => FailureCodes.Overloaded,
        >= 400 and < 500 => FailureCodes.ValidationFailed,
        _ => FailureCodes.Internal,
    };

    private static string TitleOf(string code) => code switch
    {
        FailureCodes.ValidationFailed => "The request is not valid.",
        FailureCodes.NotFound => "Not found.",
        FailureCodes.SoldOut => "Sold out.",
        FailureCodes.InvalidTransition => "The order cannot make that move.",
        FailureCodes.VersionConflict => "The order has changed.",
        FailureCodes.StockConflict => "The stock change conflicts with held or sold portions.",
        FailureCodes.RequestInProgress => "A request with this key is still running.",
        FailureCodes.IdempotencyKeyReused => "The idempotency key was used for another request.",
        FailureCodes.IdempotencyKeyMissing => "An Idempotency-Key header is required.",
        FailureCodes.PayloadTooLarge => "The request body is too large.",
        FailureCodes.Overloaded => "The server is busy.",
        FailureCodes.RateLimited => "Too many requests.",
        FailureCodes.Unauthorized => "A valid bearer token is required.",
        FailureCodes.Forbidden => "This caller may not do that.",
        FailureCodes.TooManyUnpaidOrders => "Too many orders wait for payment.",
        FailureCodes.PaymentDeadlinePassed => "The time to pay is over.",
        FailureCodes.PaymentProviderFailed => "The payment provider refused or failed.",
        FailureCodes.PaymentProviderUnavailable => "The payment provider is unavailable.",
        FailureCodes.CallbackRejected => "The notification did not verify.",
        FailureCodes.Internal => "An unexpected error occurred.",
        _ => "The request failed.",
    };
}
