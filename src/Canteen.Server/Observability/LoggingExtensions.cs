using System.Text.Encodings.Web;
using System.Text.Json;

namespace Canteen.Server.Observability;

/// <summary>
/// The console log format, <c>Canteen:Logging:Format</c>: <c>json</c> (default; one object per line, for a log
/// pipeline) or <c>text</c> (for a person at a terminal). Both carry the trace and span id of the current span as a
/// scope, so a log line leads to its trace. Nothing here logs request headers or bodies: no token can leak this way.
/// </summary>
internal static class LoggingExtensions
{
    public const string FormatKey = "Canteen:Logging:Format";

    public static ILoggingBuilder AddCanteenLogFormat(this ILoggingBuilder logging, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(config);
        logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        var format = config[FormatKey] ?? "json";
        switch (format.ToLowerInvariant())
        {
            case "json":
                logging.AddJsonConsole(o =>
                {
                    o.IncludeScopes = true;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                    // Logs are not HTML: keep store names and notes readable instead of \u-escaping every CJK character.
                    o.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
                });
                break;
            case "text":
                logging.AddSimpleConsole(o =>
                {
                    o.IncludeScopes = true;
                    o.SingleLine = true;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                });
                break;
            default:
                throw new InvalidOperationException($"{FormatKey} is '{format}'; expected 'json' or 'text'.");
        }

        return logging;
    }
}
