using System.Globalization;
using Canteen.Engine.Errors;

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
        var flag = config[$"{Section}:Enabled"];
        if (!bool.TryParse(flag ?? "true", out var enabled))
        {
            throw new InvalidConfigurationException($"{Section}:Enabled is '{flag}'; expected true or false.");
        }

        var text = config[$"{Section}:SamplingRatio"];
        var ratio = 1.0;
        var valid = text is null
            || (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out ratio) && ratio is >= 0 and <= 1);
        if (!valid)
        {
            throw new InvalidConfigurationException($"{Section}:SamplingRatio is '{text}'; expected a number from 0 to 1.");
        }

        // The standard OpenTelemetry variables win, so an operator's usual setup works unchanged.
        var serviceName = config["OTEL_SERVICE_NAME"] ?? config[$"{Section}:ServiceName"] ?? "canteen";
        var endpoint = config["OTEL_EXPORTER_OTLP_ENDPOINT"];
        return new TelemetrySettings(enabled, ratio, serviceName, string.IsNullOrWhiteSpace(endpoint) ? null : endpoint);
    }
}
