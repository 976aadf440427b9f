using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Canteen.Core.Shared;
using Canteen.Engine.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Canteen.Server.Api;

/// <summary>
/// Reads JSON bodies by hand instead of through parameter binding, so that every way a body can be wrong —
/// too large, not JSON, wrong types, numbers out of range — becomes a problem with a code and a field path, and
/// so that the raw bytes are available for idempotency hashing.
/// </summary>
public static class RequestBody
{
    /// <summary>Order bodies: 50 lines with options and notes fit in well under this.</summary>
    public const int MaxJsonBytes = 64 * 1024;

    public static async Task<(byte[]? Bytes, ProblemHttpResult? Problem)> ReadBytesAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentLength > MaxJsonBytes)
        {
            return (null, TooLarge(context));
        }

        var body = context.Request.Body;
        if (context.Request.ContentLength is { } length)
        {
            // The usual case: the size is announced (and Kestrel holds the client to it), so the body is read straight
            // into an array of exactly that size. Growing a buffer instead cost 3-4 arrays per order, a quarter of
            // all the bytes a placement allocated (measured with an allocation trace).
            var bytes = new byte[length];
            var filled = await body.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken);
            return (filled == bytes.Length ? bytes : bytes[..filled], null);
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var read = await body.ReadAsync(buffer.GetMemory(), cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxJsonBytes)
            {
                return (null, TooLarge(context));
            }
        }

        return (buffer.WrittenSpan.ToArray(), null);
    }

    public static (T? Value, ProblemHttpResult? Problem) Parse<T>(byte[] bytes, JsonTypeInfo<T> type, HttpContext context)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            return (null, Invalid("$", "A JSON body is required.", context));
        }

        try
        {
            var value = JsonSerializer.Deserialize(bytes, type);
            return value is null ? (null, Invalid("$", "The body must be a JSON object.", context)) : (value, null);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            return (null, Invalid(field, "The body is not valid JSON for this request (malformed, a wrong type, or a number out of range).", context));
        }
    }

    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(
        HttpContext context, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var (bytes, problem) = await ReadBytesAsync(context, cancellationToken);
        return bytes is null ? (null, problem) : Parse(bytes, type, context);
    }

    private static ProblemHttpResult Invalid(string field, string message, HttpContext context) =>
        Problems.From(Failure.Invalid([new ValidationError(field, message)]), context);

    private static ProblemHttpResult TooLarge(HttpContext context) =>
        Problems.Of(FailureCodes.PayloadTooLarge, $"The body may be at most {MaxJsonBytes} bytes.", context);
}
