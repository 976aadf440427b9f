namespace Canteen.Server.Tests.Observability;

/// <summary>One observed server per test class; its request logs are on, so log tests have entries to read.</summary>
public sealed class SharedObservedApp : IAsyncLifetime
{
    private ObservedApp? _app;

    public ObservedApp App => _app ?? throw new InvalidOperationException("Not started.");

    public ValueTask InitializeAsync()
    {
        _app = new ObservedApp(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
