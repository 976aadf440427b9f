using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Canteen.LoadTest.Tests.Support;

/// <summary>
/// A deliberately dishonest order server on a real loopback socket: it acknowledges every order with 201 (and a Location,
/// unless it hides where its orders are), but either cannot read any of them back, or reads them back while its stock
/// never moves, or reads them back or lists its stock in a shape the API does not promise. Catching exactly such a server is the load tool's
/// verification's job; so is saying so when the server breaks while it is being checked. It serves no menu, guest
/// sign-in or invariant check (404).
/// </summary>
internal sealed class LyingServer : IAsyncDisposable
{
    /// <summary>Braised pork in any store, untouched: a sound listing.</summary>
    private const string SoundStock = """[{"dishId":"braised-pork","total":50,"available":50,"reserved":0,"sold":0}]""";

    private readonly WebApplication _app;
    private long _nextId;

    private LyingServer(
        bool ordersReadable, bool stockNeverMoves, bool stockGarbledOnceOrdered = false, bool withoutLocation = false,
        string? stockListing = null, bool stockListingFromTheStart = false, string? orderBody = null)
    {
        _app = LoopbackApp.Create();
        _app.MapPost("/api/v1/stores/{storeId}/orders", (string storeId) =>
        {
            var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
            var order = new { id, storeId, status = "pending_payment" };
            return withoutLocation ? Results.Json(order, statusCode: StatusCodes.Status201Created) : Results.Created("/api/v1/orders/" + id, order);
        });
        if (orderBody is not null)
        {
            _app.MapGet("/api/v1/orders/{id}", () => Results.Text(orderBody, "application/json"));
        }
        else if (ordersReadable)
        {
            _app.MapGet("/api/v1/orders/{id}", (string id) => Results.Json(new { id, status = "pending_payment" }));
        }

        if (stockGarbledOnceOrdered)
        {
            // Sound when the tool reads it before the run, garbage when it checks afterwards.
            _app.MapGet("/api/v1/stores/{storeId}/stock", () => Results.Text(
                Interlocked.Read(ref _nextId) == 0 ? "[]" : "<html>upstream error</html>", "application/json"));
        }

        if (stockNeverMoves)
        {
            _app.MapGet("/api/v1/stores/{storeId}/stock", () => Results.Text(SoundStock, "application/json"));
        }

        if (stockListing is not null)
        {
            _app.MapGet("/api/v1/stores/{storeId}/stock", () => Results.Text(
                stockListingFromTheStart || Interlocked.Read(ref _nextId) > 0 ? stockListing : SoundStock, "application/json"));
        }
    }

    public Uri Url => new(_app.Urls.Single());

    /// <summary>Acknowledges orders it never stored: every read-back answers 404.</summary>
    public static Task<LyingServer> ForgettingOrdersAsync() => StartAsync(new LyingServer(ordersReadable: false, stockNeverMoves: false));

    /// <summary>Stores orders but never holds stock for them: braised pork in every store stays at 50 available.</summary>
    public static Task<LyingServer> NeverHoldingStockAsync() => StartAsync(new LyingServer(ordersReadable: true, stockNeverMoves: true));

    /// <summary>Stores orders, but once any was placed its stock endpoint answers an HTML page labelled as JSON.</summary>
    public static Task<LyingServer> GarblingStockAfterOrdersAsync() =>
        StartAsync(new LyingServer(ordersReadable: true, stockNeverMoves: false, stockGarbledOnceOrdered: true));

    /// <summary>Stores orders, but once any was placed its stock endpoint answers this listing (JSON, but not what the API promises).</summary>
    public static Task<LyingServer> MisreportingStockAfterOrdersAsync(string listing) =>
        StartAsync(new LyingServer(ordersReadable: true, stockNeverMoves: false, stockListing: listing));

    /// <summary>Stores orders, but its stock endpoint answers this listing from the start, before the tool's run too.</summary>
    public static Task<LyingServer> MisreportingStockAsync(string listing) =>
        StartAsync(new LyingServer(ordersReadable: true, stockNeverMoves: false, stockListing: listing, stockListingFromTheStart: true));

    /// <summary>Reads every order back as this body (JSON, but not the order the API promises).</summary>
    public static Task<LyingServer> MisreportingOrdersAsync(string body) =>
        StartAsync(new LyingServer(ordersReadable: true, stockNeverMoves: false, orderBody: body));

    /// <summary>Stores orders and can read them back, but its 201s carry no Location, so nobody can find them.</summary>
    public static Task<LyingServer> HidingLocationsAsync() =>
        StartAsync(new LyingServer(ordersReadable: true, stockNeverMoves: false, withoutLocation: true));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<LyingServer> StartAsync(LyingServer server)
    {
        await server._app.StartAsync();
        return server;
    }
}
