namespace Canteen.Server.Tests.Support;

/// <summary>One server for a test class whose tests only read, or write without depending on exact counts.</summary>
public sealed class SharedApp : IAsyncLifetime
{
    private CanteenApp? _app;

    public CanteenApp App => _app ?? throw new InvalidOperationException("Not started.");

    public ValueTask InitializeAsync()
    {
        _app = new CanteenApp();
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
