using Canteen.Server.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Canteen.Server.Tests.Observability;

/// <summary>
/// The switches, checked on the built service provider without starting a server: a second host started in
/// this process with telemetry off would retire the ASP.NET Core meters that the other test servers export.
/// </summary>
public sealed class TelemetrySwitchTests
{
    [Theory]
    [InlineData("true", null, true, false)]
    [InlineData("true", "true", true, true)]
    [InlineData("false", "true", false, false)]
    public async Task AddCanteenObservability_Settings_RegisterOnlyTheProvidersAskedFor(string enabled, string? tracing, bool meters, bool spans)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Canteen:Telemetry:Enabled"] = enabled;
        builder.Configuration["Canteen:Telemetry:Tracing"] = tracing;

        builder.AddCanteenObservability();
        await using var app = builder.Build();

        Assert.Equal(meters, app.Services.GetService<MeterProvider>() is not null);
        Assert.Equal(spans, app.Services.GetService<TracerProvider>() is not null);
    }
}
