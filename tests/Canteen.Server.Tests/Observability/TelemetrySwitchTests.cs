using Canteen.Server.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Canteen.Server.Tests.Observability;

/// <summary>
/// The on/off switch, checked on the built service provider without starting a server: a second host started in
/// this process with telemetry off would retire the ASP.NET Core meters that the other test servers export.
/// </summary>
public sealed class TelemetrySwitchTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public async Task AddCanteenObservability_EnabledSetting_RegistersProvidersOnlyWhenOn(string enabled, bool expected)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Canteen:Telemetry:Enabled"] = enabled;

        builder.AddCanteenObservability();
        await using var app = builder.Build();

        Assert.Equal(expected, app.Services.GetService<MeterProvider>() is not null);
        Assert.Equal(expected, app.Services.GetService<TracerProvider>() is not null);
    }
}
