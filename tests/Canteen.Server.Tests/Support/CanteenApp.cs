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
        _settings = new Dictionary<string, string?>(TestAuth.DefaultSettings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _settings["Canteen:DataDirectory"] = DataDirectory;
        this.UseKestrel(0);
        StartServer();
    }

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "canteen.db");

    /// <summary>Deletes the data directory after the test; call only on the last app using it.</summary>
    public bool DeleteDirectoryOnDispose { get; set; } = true;

    /// <summary>A client signed in as the bootstrap admin, who may call every endpoint (what most tests need).</summary>
    public HttpClient Client() => TestAuth.Authorize(AnonymousClient(), TestAuth.AdminToken(Services));

    /// <summary>A client without a token.</summary>
    public HttpClient AnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>A new guest (its own identity) bound to a store and table, as <c>POST /auth/guest</c> would issue.</summary>
    public HttpClient GuestClient(string store = ApiClient.Store, string? table = null) =>
        TestAuth.Authorize(AnonymousClient(), TestAuth.Issuer(Services).IssueGuest(store, table).AccessToken);

    /// <summary>A staff user of the given stores (default: the demo store).</summary>
    public HttpClient StaffClient(params string[] stores) =>
        TestAuth.Authorize(AnonymousClient(), TestAuth.UserToken(Services, "staff", stores.Length == 0 ? [ApiClient.Store] : stores));

    /// <summary>A kitchen user of the given stores (default: the demo store).</summary>
    public HttpClient KitchenClient(params string[] stores) =>
        TestAuth.Authorize(AnonymousClient(), TestAuth.UserToken(Services, "kitchen", stores.Length == 0 ? [ApiClient.Store] : stores));

    /// <summary>A client carrying exactly this Authorization bearer token.</summary>
    public HttpClient ClientWithToken(string token) => TestAuth.Authorize(AnonymousClient(), token);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));

        // Also as host settings: the composition root reads some keys (storage and stock mode) while Program builds,
        // before a test host's app configuration callbacks apply; host settings are visible from the start.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
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
