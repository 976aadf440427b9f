using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Canteen.LoadTest.Tests.Support;

/// <summary>
/// An order server on a real loopback socket that acknowledges every order at once with 201 and a Location, but never
/// answers a read-back (past the first few it may be told to answer): the load tool's verification hangs on it until the
/// tool gives up or is interrupted. It says when the first read-back arrived. It serves no menu, guest sign-in, stock or
/// invariant check (404).
/// </summary>
internal sealed class StallingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _readBackStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextId;
    private long _readBacks;

    private StallingServer(int answered)
    {
        _app = LoopbackApp.Create();
        _app.MapPost("/api/v1/stores/{storeId}/orders", (string storeId) =>
        {
            var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
            return Results.Created("/api/v1/orders/" + id, new { id, storeId, status = "pending_payment" });
        });
        _app.MapGet("/api/v1/orders/{id}", async (string id, HttpContext context) =>
        {
            _readBackStarted.TrySetResult();
            if (Interlocked.Increment(ref _readBacks) <= answered)
            {
                return Results.Json(new { id, status = "pending_payment" });
            }

            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _app.Lifetime.ApplicationStopping);
            try
            {
                await Task.Delay(Timeout.Infinite, either.Token);
            }
            catch (OperationCanceledException)
            {
                // The client hung up, or the test is over and the server shuts down: nobody reads this answer.
            }

            return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
        });
    }

    public Uri Url => new(_app.Urls.Single());

    /// <summary>Completes when the first read-back arrived: the tool's verification has begun.</summary>
    public Task ReadBackStarted => _readBackStarted.Task;

    /// <summary>Starts a server that answers the first <paramref name="answered"/> read-backs, and none after them.</summary>
    public static async Task<StallingServer> StartAsync(int answered = 0)
    {
        var server = new StallingServer(answered);
        await server._app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
