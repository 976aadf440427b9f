using System.Globalization;

namespace Canteen.Server.Observability;

/// <summary>
/// <c>Canteen:Telemetry</c>: whether traces and metrics are collected at all, and what share of new traces is kept.
/// Read once at start-up; the OpenTelemetry SDK cannot be switched on or off while running.
/// </summary>
internal sealed record TelemetrySettings(bool Enabled, double SamplingRatio, string ServiceName, string? OtlpEndpoint)
{
    public const string Section = "Canteen:Telemetry";

    public static TelemetrySettings From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var enabled = config[$"{Section}:Enabled"] is not { } flag || bool.Parse(flag);
        var ratio = config[$"{Section}:SamplingRatio"] is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : 1.0;
        if (ratio is < 0 or > 1 || double.IsNaN(ratio))
        {
            throw new InvalidOperationException($"{Section}:SamplingRatio is {ratio}; expected a number from 0 to 1.");
        }

        // The standard OpenTelemetry variables win, so an operator's usual setup works unchanged.
        var serviceName = config["OTEL_SERVICE_NAME"] ?? config[$"{Section}:ServiceName"] ?? "canteen";
        var endpoint = config["OTEL_EXPORTER_OTLP_ENDPOINT"];
        return new TelemetrySettings(enabled, ratio, serviceName, string.IsNullOrWhiteSpace(endpoint) ? null : endpoint);
    }
}
