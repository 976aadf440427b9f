using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using Canteen.Engine.Outbox;
using Canteen.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Canteen.Server.Tests.Api;

public sealed class EventsApiTests
{
    private const string OtherStore = "cd-chunxi";

    // A hang guard for reading a stream, not a timing assertion.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    /// <summary>Opens the store's stream; once the headers are back the server is subscribed, so no later event is missed.</summary>
    private static async Task<HttpResponseMessage> OpenAsync(HttpClient client, string store, CancellationToken cancellationToken)
    {
        var response = await client.GetAsync($"/api/v1/stores/{store}/events", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return response;
    }

    private static async Task<IAsyncEnumerator<SseItem<string>>> EventsAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        SseParser.Create(await response.Content.ReadAsStreamAsync(cancellationToken)).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    private static async Task<SseItem<string>> NextAsync(IAsyncEnumerator<SseItem<string>> events)
    {
        Assert.True(await events.MoveNextAsync(), "The stream ended.");
        return events.Current;
    }

    private static async Task<string> PlaceUnlimitedOrderAsync(HttpClient client, string store)
    {
        var dish = await client.FindDishAsync(
            d => d["remaining"] is null && d["modifierGroups"]!.AsArray().All(g => (int)g!["min"]! == 0), store);
        using var created = await client.PlaceOrderAsync(ApiClient.OrderBody((string)dish["id"]!), store: store);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (string)(await created.JsonAsync())["id"]!;
    }

    [Fact]
    public async Task Events_OrderCreatedThenCancelled_StreamsBothToThatStoreOnly()
    {
        await using var app = new CanteenApp();
        var client = app.Client();
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(Guard);
        using var mineResponse = await OpenAsync(client, ApiClient.Store, guard.Token);
        using var otherResponse = await OpenAsync(client, OtherStore, guard.Token);
        await using var mine = await EventsAsync(mineResponse, guard.Token);
        await using var other = await EventsAsync(otherResponse, guard.Token);

        var orderId = await PlaceUnlimitedOrderAsync(client, ApiClient.Store);
        using (var cancel = await client.PostAsync($"/api/v1/orders/{orderId}/cancel"))
        {
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        }

        var created = await NextAsync(mine);
        var cancelled = await NextAsync(mine);

        // Another store's order, placed after this store's events were delivered: if the other stream had been given
        // this store's events, they would come before it.
        var otherOrderId = await PlaceUnlimitedOrderAsync(client, OtherStore);
        var otherFirst = await NextAsync(other);

        Assert.Equal(("OrderCreated", orderId, "created"), (created.EventType, Field(created, "orderId"), Field(created, "status")));
        Assert.Equal(("OrderCancelled", orderId, "cancelled"), (cancelled.EventType, Field(cancelled, "orderId"), Field(cancelled, "status")));
        Assert.True(Guid.TryParse(created.EventId, out _));
        Assert.NotEqual(created.EventId, cancelled.EventId);
        Assert.Equal(("OrderCreated", otherOrderId), (otherFirst.EventType, Field(otherFirst, "orderId")));
    }

    [Fact]
    public async Task Events_UnknownStore_Returns404Problem()
    {
        await using var app = new CanteenApp();

        using var response = await app.Client().GetAsync("/api/v1/stores/no-such-store/events", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not_found", (await response.JsonAsync()).Code());
    }

    [Fact]
    public async Task Events_IdleStream_SendsHeartbeatComments()
    {
        await using var app = new CanteenApp(settings: new Dictionary<string, string?> { ["Canteen:Outbox:HeartbeatInterval"] = "00:00:00.05" });
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(Guard);
        using var response = await OpenAsync(app.Client(), ApiClient.Store, guard.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(guard.Token));

        var lines = new List<string>();
        while (!lines.Contains(": heartbeat"))
        {
            lines.Add(await reader.ReadLineAsync(guard.Token) ?? throw new InvalidOperationException("The stream ended."));
        }

        Assert.Equal(": connected", lines[0]);
    }

    [Fact]
    public async Task Events_ClientDisconnects_ServerLetsGoOfTheWatcher()
    {
        await using var app = new CanteenApp();
        var feed = app.Services.GetRequiredService<StoreEventFeed>();
        var response = await OpenAsync(app.Client(), ApiClient.Store, TestContext.Current.CancellationToken);
        var watchersWhileOpen = feed.WatcherCount(ApiClient.Store);

        response.Dispose();
        using var guard = new CancellationTokenSource(Guard);
        while (feed.WatcherCount(ApiClient.Store) > 0)
        {
            await Task.Delay(10, guard.Token);
        }

        Assert.Equal(1, watchersWhileOpen);
    }

    private static string? Field(SseItem<string> item, string name) => (string?)JsonNode.Parse(item.Data)![name];
}
