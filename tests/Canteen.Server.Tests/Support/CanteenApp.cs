using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Canteen.Server.Tests.Support;

/// <summary>
/// Canteen in embedded mode on a real Kestrel socket (port chosen by the OS) with its own temporary SQLite
/// directory. Disposing stops the server; a new instance on the same directory is a restart.
/// </summary>
public sealed class CanteenApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDirectory;

    public CanteenApp(string? dataDirectory = null, IDictionary<string, string?>? settings = null)
    {
        _ownsDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "canteen-tests", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Canteen:DataDirectory"] = DataDirectory,
        };
        this.UseKestrel(0);
        StartServer();
    }

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "canteen.db");

    /// <summary>Deletes the data directory after the test; call only on the last app using it.</summary>
    public bool DeleteDirectoryOnDispose { get; set; } = true;

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDirectory && DeleteDirectoryOnDispose)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless; never fail a test over cleanup.
            }
        }

        GC.SuppressFinalize(this);
    }
}
