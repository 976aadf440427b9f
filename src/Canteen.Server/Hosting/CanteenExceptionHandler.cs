using Canteen.Core.Shared;
using Canteen.Engine.Errors;
using Canteen.Server.Api;
using Microsoft.AspNetCore.Diagnostics;

namespace Canteen.Server.Hosting;

/// <summary>
/// Last line of defence: every exception becomes a problem response with a stable code. Known failures keep their
/// code and detail; anything else is logged and answered with a generic 500 that reveals nothing internal.
/// </summary>
internal sealed partial class CanteenExceptionHandler(ILogger<CanteenExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var failure = exception switch
        {
            FailureException f => f.Failure,
            DomainException d => new Failure(d.Code, d.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                new Failure(FailureCodes.PayloadTooLarge, "The request body is too large."),
            BadHttpRequestException b => new Failure(FailureCodes.ValidationFailed, "The request could not be read: " + b.Message),
            _ => null,
        };

        if (failure is null)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
            failure = new Failure(FailureCodes.Internal, "The server could not complete the request. It has been logged.");
        }

        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        var result = Problems.From(failure, httpContext);
        await result.ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, PathString path);
}
