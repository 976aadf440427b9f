using Canteen.Engine.Errors;
using Canteen.Server.Observability;
using Microsoft.Extensions.Configuration;

namespace Canteen.Server.Tests.Observability;

public sealed class TelemetrySettingsTests
{
    [Fact]
    public void From_NothingConfigured_MetricsOnSpansOffAndNoOtlp()
    {
        var settings = TelemetrySettings.From(Config());

        Assert.Equal(new TelemetrySettings(true, false, 1.0, "canteen", null), settings);
    }

    [Fact]
    public void From_StandardVariables_NameTheServiceAndTurnOnOtlp()
    {
        var settings = TelemetrySettings.From(Config(
            ("OTEL_SERVICE_NAME", "canteen-eu"), ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"), ("Canteen:Telemetry:SamplingRatio", "0.25")));

        Assert.Equal(new TelemetrySettings(true, true, 0.25, "canteen-eu", "http://collector:4317"), settings);
    }

    [Theory]
    [InlineData("true", null, "true", true)]
    [InlineData("true", "http://collector:4317", "false", false)]
    [InlineData("false", null, "true", false)]
    [InlineData("false", "http://collector:4317", null, false)]
    public void From_TracingSetting_WinsOverTheEndpointAndYieldsToEnabled(string enabled, string? endpoint, string? tracing, bool expected)
    {
        var values = new List<(string, string)> { ("Canteen:Telemetry:Enabled", enabled) };
        if (endpoint is not null)
        {
            values.Add(("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint));
        }

        if (tracing is not null)
        {
            values.Add(("Canteen:Telemetry:Tracing", tracing));
        }

        Assert.Equal(expected, TelemetrySettings.From(Config([.. values])).Tracing);
    }

    [Theory]
    [InlineData("Canteen:Telemetry:SamplingRatio", "1.5")]
    [InlineData("Canteen:Telemetry:SamplingRatio", "-0.1")]
    [InlineData("Canteen:Telemetry:SamplingRatio", "NaN")]
    [InlineData("Canteen:Telemetry:SamplingRatio", "half")]
    [InlineData("Canteen:Telemetry:Enabled", "yes")]
    [InlineData("Canteen:Telemetry:Tracing", "sometimes")]
    public void From_InvalidValue_ThrowsNamingTheKey(string key, string value)
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => TelemetrySettings.From(Config((key, value))));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
