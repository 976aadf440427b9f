namespace Canteen.Server.Api;

/// <summary>
/// Writes a response from stored bytes. A first response and its idempotent replays go through this same path,
/// so a replay is byte-for-byte the original.
/// </summary>
internal sealed class StoredResponseResult(int statusCode, string? location, byte[] body) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }

        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body);
    }
}
