using Microsoft.Playwright;

namespace Canteen.Server.Tests.Support;

/// <summary>
/// One headless chromium for a test class (use as a class fixture), driven by Playwright. The browser is always
/// Debian's <c>chromium</c> package, never one Playwright downloads: its path comes from
/// <c>CANTEEN_TEST_CHROMIUM</c> (set by <c>.ci/run</c>), else <c>/usr/bin/chromium</c>. Playwright's own driver (a
/// node binary shipped inside the NuGet package and copied to the build output) needs no network.
/// Without the browser a test calling <see cref="NewContextAsync"/> is skipped on a developer box and fails under
/// <c>CI=true</c>, so CI can never pass by skipping.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string Variable = "CANTEEN_TEST_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>How long one page action or assertion may wait before the test fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _problem;

    /// <summary>As in the integration tests: under <c>CI=true</c> a missing browser fails instead of skipping.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured : DefaultPath;

    public async ValueTask InitializeAsync()
    {
        var path = ExecutablePath;
        if (!File.Exists(path))
        {
            _problem = $"chromium is not installed at '{path}'. Install Debian's chromium (apt-get install chromium), set {Variable}, or run `bash .ci/run`, which installs it.";
            return;
        }

        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args = ["--no-sandbox", "--disable-background-networking"],
                Timeout = (float)TimeSpan.FromSeconds(30).TotalMilliseconds,
            });
        }
        catch (PlaywrightException e)
        {
            _problem = $"chromium at '{path}' did not start under Playwright: {e.Message}";
        }
    }

    /// <summary>
    /// A fresh context (no cookies shared between tests; dispose it after the test), or a skip / failure when there
    /// is no browser.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        if (_browser is null)
        {
            var message = _problem ?? "the browser was not started.";
            if (IsCi)
            {
                Assert.Fail("CI=true and " + message);
            }

            Assert.Skip(message);
        }

        var context = await _browser.NewContextAsync();
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Timeout.TotalMilliseconds);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
