using System.Diagnostics;
using System.Net;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Observability;

public sealed class TracingTests(SharedObservedApp shared) : IClassFixture<SharedObservedApp>
{
    private ObservedApp App => shared.App;

    [Fact]
    public async Task PlaceOrder_TracedRequest_UseCaseSpanWithStoreAndOrderUnderServerSpan()
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var response = await TracedRequest.PlaceOrderAsync(App.Client(), traceId, TracedRequest.PorkOrder());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var orderId = (string)(await response.JsonAsync())["id"]!;

        var spans = await SpansAsync(traceId, s => s.Any(a => a.Kind == ActivityKind.Server) && s.Any(a => a.DisplayName == "PlaceOrder"));

        var server = spans.Single(a => a.Kind == ActivityKind.Server);
        var place = spans.Single(a => a.DisplayName == "PlaceOrder");
        Assert.Equal("Canteen", place.Source.Name);
        Assert.Equal(server.SpanId, place.ParentSpanId);
        Assert.Equal("sh-jingan", place.GetTagItem("store.id"));
        Assert.Equal(orderId, place.GetTagItem("order.id"));
        Assert.Equal(ActivityStatusCode.Unset, place.Status);
    }

    [Fact]
    public async Task PlaceOrder_Committed_BatchSpanLinksToTheUseCaseSpan()
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var response = await TracedRequest.PlaceOrderAsync(App.Client(), traceId, ApiClient.OrderBody("xiaolongbao"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var place = (await SpansAsync(traceId, s => s.Any(a => a.DisplayName == "PlaceOrder"))).Single(a => a.DisplayName == "PlaceOrder");

        var batches = await Eventually.GetAsync(
            () => App.Spans.Named("CommitBatch").Where(b => b.Links.Any(l => l.Context.SpanId == place.SpanId)).ToList(),
            found => found.Count > 0);

        var batch = Assert.Single(batches);
        Assert.NotEqual(traceId, batch.TraceId);
        Assert.True((int)batch.GetTagItem("canteen.batch.size")! >= 1);
    }

    [Fact]
    public async Task PlaceOrder_SoldOut_SpanCarriesTheRefusalCodeWithoutError()
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var response = await TracedRequest.PlaceOrderAsync(App.Client(), traceId, TracedRequest.PorkOrder(99));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);

        var place = (await SpansAsync(traceId, s => s.Any(a => a.DisplayName == "PlaceOrder"))).Single(a => a.DisplayName == "PlaceOrder");

        Assert.Equal("sold_out", place.GetTagItem("canteen.failure.code"));
        Assert.NotEqual(ActivityStatusCode.Error, place.Status);
    }

    [Fact]
    public async Task OrderCreated_ConsumedThroughTheOutbox_ConsumerSpanIsChildOfTheProducerSpan()
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var response = await TracedRequest.PlaceOrderAsync(App.Client(), traceId, ApiClient.OrderBody("xiaolongbao"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var orderId = (string)(await response.JsonAsync())["id"]!;

        var spans = await SpansAsync(traceId, s => s.Any(a => a.DisplayName == "PlaceOrder") && s.Any(a => a.Kind == ActivityKind.Consumer));

        var place = spans.Single(a => a.DisplayName == "PlaceOrder");
        var consumer = spans.Single(a => a.Kind == ActivityKind.Consumer);
        Assert.Equal("OrderCreated process", consumer.DisplayName);
        Assert.Equal(place.SpanId, consumer.ParentSpanId);
        Assert.Equal(orderId, consumer.GetTagItem("order.id"));
        Assert.Equal("sh-jingan", consumer.GetTagItem("store.id"));
    }

    [Fact]
    public async Task CancelOrder_TracedRequest_MoveSpanWithTargetStatusAndStore()
    {
        using var created = await App.Client().PlaceOrderAsync(TracedRequest.PorkOrder());
        var orderId = (string)(await created.JsonAsync())["id"]!;
        var traceId = ActivityTraceId.CreateRandom();

        using var response = await TracedRequest.SendAsync(App.Client(), HttpMethod.Post, $"/api/v1/orders/{orderId}/cancel", traceId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var move = (await SpansAsync(traceId, s => s.Any(a => a.DisplayName == "MoveOrder"))).Single(a => a.DisplayName == "MoveOrder");
        Assert.Equal("cancelled", move.GetTagItem("order.status"));
        Assert.Equal(orderId, move.GetTagItem("order.id"));
        Assert.Equal("sh-jingan", move.GetTagItem("store.id"));
    }

    [Fact]
    public async Task StartOrder_IllegalMove_MoveSpanMarkedErrorWithCode()
    {
        using var created = await App.Client().PlaceOrderAsync(ApiClient.OrderBody("xiaolongbao"));
        var orderId = (string)(await created.JsonAsync())["id"]!;
        var traceId = ActivityTraceId.CreateRandom();

        using var response = await TracedRequest.SendAsync(App.Client(), HttpMethod.Post, $"/api/v1/orders/{orderId}/start", traceId);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);

        var move = (await SpansAsync(traceId, s => s.Any(a => a.DisplayName == "MoveOrder"))).Single(a => a.DisplayName == "MoveOrder");
        Assert.Equal(ActivityStatusCode.Error, move.Status);
        Assert.Equal("invalid_transition", move.GetTagItem("error.type"));
    }

    private Task<IReadOnlyList<Activity>> SpansAsync(ActivityTraceId traceId, Func<IReadOnlyList<Activity>, bool> complete) =>
        Eventually.GetAsync(() => App.Spans.InTrace(traceId), complete);
}
