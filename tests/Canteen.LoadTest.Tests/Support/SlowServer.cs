using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Canteen.LoadTest.Tests.Support;

/// <summary>
/// An honest but slow order server on a real loopback socket: every order is acknowledged with 201 and a Location,
/// after <c>delay</c>. Slow enough that an open-loop client with a small in-flight cap must drop most of its arrivals.
/// It serves no menu, guest sign-in, stock or invariant check (404).
/// </summary>
internal sealed class SlowServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _nextId;

    private SlowServer(TimeSpan delay)
    {
        _app = LoopbackApp.Create();
        _app.MapPost("/api/v1/stores/{storeId}/orders", async (string storeId) =>
        {
            await Task.Delay(delay);
            var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
            return Results.Created("/api/v1/orders/" + id, new { id, storeId, status = "pending_payment" });
        });
    }

    public Uri Url => new(_app.Urls.Single());

    /// <summary>Orders acknowledged so far: a test can wait for the load to have begun.</summary>
    public long OrdersAcknowledged => Interlocked.Read(ref _nextId);

    public static async Task<SlowServer> StartAsync(TimeSpan delay)
    {
        var server = new SlowServer(delay);
        await server._app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
