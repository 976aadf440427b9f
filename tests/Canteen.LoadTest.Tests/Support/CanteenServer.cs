extern alias CanteenServerAssembly;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Canteen.LoadTest.Tests.Support;

/// <summary>
/// The real Canteen server, in embedded mode on a real Kestrel socket (port chosen by the OS) with its own temporary
/// SQLite directory and a known bootstrap admin, as Canteen.Server.Tests starts it. Disposing stops it and deletes the data.
/// </summary>
internal sealed class CanteenServer : WebApplicationFactory<CanteenServerAssembly::Program>
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "test-admin-password";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "canteen-loadtest-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;

    public CanteenServer()
    {
        _settings = new Dictionary<string, string?>
        {
            ["Canteen:DataDirectory"] = _dataDirectory,
            ["Canteen:Auth:BootstrapAdmin:Username"] = AdminUser,
            ["Canteen:Auth:BootstrapAdmin:Password"] = AdminPassword,

            // The limits bench/e2e.sh lifts too: the tool reuses 16 guest tokens per store for every order it sends.
            ["Canteen:Limits:PerCaller:TokenLimit"] = "0",
            ["Canteen:Limits:PerStore:TokenLimit"] = "0",
            ["Canteen:Limits:Auth:TokenLimit"] = "0",
            ["Canteen:Limits:MaxUnpaidOrdersPerGuest"] = "0",

            // Midnight in the demo stores (16:00 UTC) must not reset the stock between the tool's before and after reads.
            ["Canteen:Inventory:DailyReset"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        this.UseKestrel(0);
        StartServer();
    }

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Url => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));

        // Also as host settings: the composition root reads some keys (storage and stock mode) while Program builds.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; never fail a test over cleanup.
        }
    }
}
