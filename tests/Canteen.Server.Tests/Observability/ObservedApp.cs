using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace Canteen.Server.Tests.Observability;

/// <summary>
/// Canteen in embedded mode on a real Kestrel socket, like <c>CanteenApp</c>, plus two test taps that leave the
/// production wiring as it is: every finished span is recorded in memory (<see cref="Spans"/>), and every log entry is
/// rendered by the server's own JSON console formatter into <see cref="Logs"/>.
/// </summary>
public sealed class ObservedApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ObservedApp(IDictionary<string, string?>? settings = null)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "canteen-tests", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>(Support.TestAuth.DefaultSettings)
        {
            // Spans are what these tests look at; without an OTLP endpoint they are off by default.
            ["Canteen:Telemetry:Tracing"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _settings["Canteen:DataDirectory"] = DataDirectory;
        this.UseKestrel(0);
        StartServer();
    }

    public string DataDirectory { get; }

    public SpanRecorder Spans { get; } = new();

    public JsonLogCapture Logs => Services.GetRequiredService<JsonLogCapture>();

    /// <summary>A client signed in as the bootstrap admin.</summary>
    public HttpClient Client() => Support.TestAuth.Authorize(
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress }),
        Support.TestAuth.AdminToken(Services));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));

        // Also as host settings: the composition root reads some keys (storage mode, telemetry) while Program builds,
        // before app configuration callbacks of a test host apply; host settings are visible from the start.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(Spans));
            services.AddSingleton<JsonLogCapture>();
            services.AddSingleton<ILoggerProvider>(sp => sp.GetRequiredService<JsonLogCapture>());
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; never fail a test over cleanup.
        }

        GC.SuppressFinalize(this);
    }
}
