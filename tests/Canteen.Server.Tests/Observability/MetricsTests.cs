using System.Net;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Observability;

/// <summary>
/// The Prometheus endpoint. Canteen's meter is process-wide and test classes run in parallel, so counts are compared
/// as "moved by at least", never as exact totals.
/// </summary>
public sealed class MetricsTests(SharedObservedApp shared) : IClassFixture<SharedObservedApp>
{
    private HttpClient Client => shared.App.Client();

    [Fact]
    public async Task Metrics_Scrape_ListsCanteenRuntimeAndHttpInstruments()
    {
        using var placed = await Client.PlaceOrderAsync(TracedRequest.PorkOrder());
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);

        string[] expected =
        [
            "canteen_orders_placed_total", "canteen_order_place_duration_seconds_bucket", "canteen_stock_holds_total",
            "canteen_writer_batch_size_bucket", "canteen_writer_commit_duration_seconds_bucket", "canteen_writer_queue_depth",
            "canteen_outbox_lag_seconds", "canteen_outbox_publish_delay_seconds_bucket",
            "dotnet_gc_collections_total", "dotnet_gc_last_collection_heap_size_bytes", "dotnet_thread_pool_thread_count_total",
        ];

        // ASP.NET Core's own http_server_* instruments are registered too (ObservabilityExtensions) but are not asserted
        // here: every test host in this process creates a meter of the same name, and OpenTelemetry keys metric streams
        // by instrument name, so another host being disposed can complete the stream this host exports. One server per
        // process, as in production, does not have that problem; the CI runs showed it failing about one run in five.
        var names = await Eventually.GetAsync(async () => PrometheusText.Names(await ScrapeAsync()), found => expected.All(found.Contains));

        Assert.All(expected, name => Assert.Contains(name, names));
    }

    [Fact]
    public async Task Metrics_OrderPlaced_PlacedLatencyHoldAndBatchMetricsMove()
    {
        var before = await ScrapeAsync();

        using var placed = await Client.PlaceOrderAsync(TracedRequest.PorkOrder());
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);

        await AssertMovedAsync(before, "canteen_orders_placed_total");
        await AssertMovedAsync(before, "canteen_order_place_duration_seconds_count", ("outcome", "placed"));
        await AssertMovedAsync(before, "canteen_stock_holds_total", ("outcome", "taken"));
        await AssertMovedAsync(before, "canteen_writer_batch_size_count");
    }

    [Fact]
    public async Task Metrics_OrdersRefused_FailedCounterMovesByReason()
    {
        var before = await ScrapeAsync();

        using var soldOut = await Client.PlaceOrderAsync(TracedRequest.PorkOrder(99));
        using var unknownDish = await Client.PlaceOrderAsync(ApiClient.OrderBody("no-such-dish"));
        Assert.Equal(HttpStatusCode.Conflict, soldOut.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownDish.StatusCode);

        await AssertMovedAsync(before, "canteen_orders_failed_total", ("reason", "sold_out"));
        await AssertMovedAsync(before, "canteen_orders_failed_total", ("reason", "validation_failed"));
        await AssertMovedAsync(before, "canteen_stock_holds_total", ("outcome", "sold_out"));
        await AssertMovedAsync(before, "canteen_order_place_duration_seconds_count", ("outcome", "refused"));
    }

    [Fact]
    public async Task Metrics_OrderCancelled_ReleasedHoldCounted()
    {
        using var created = await Client.PlaceOrderAsync(TracedRequest.PorkOrder(1));
        var orderId = (string)(await created.JsonAsync())["id"]!;
        var before = await ScrapeAsync();

        using var cancelled = await Client.PostAsync($"/api/v1/orders/{orderId}/cancel");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        await AssertMovedAsync(before, "canteen_stock_holds_total", ("outcome", "released"));
    }

    [Fact]
    public async Task Metrics_GuestOverItsRateLimit_RejectionsCounted()
    {
        await using var app = new ObservedApp(new Dictionary<string, string?>
        {
            ["Canteen:Limits:PerCaller:TokenLimit"] = "1",
            ["Canteen:Limits:PerCaller:TokensPerPeriod"] = "1",
            ["Canteen:Limits:PerCaller:ReplenishmentPeriod"] = "00:10:00",
            ["Canteen:Limits:MaxUnpaidOrdersPerGuest"] = "0",
        });
        using var guest = Support.TestAuth.Authorize(app.Client(), Support.TestAuth.Issuer(app.Services).IssueGuest(ApiClient.Store, null).AccessToken);

        using var first = await guest.PlaceOrderAsync(ApiClient.OrderBody("xiaolongbao"));
        using var second = await guest.PlaceOrderAsync(ApiClient.OrderBody("xiaolongbao"));
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);

        var rejected = await Eventually.GetAsync(
            async () => PrometheusText.Sum(await app.Client().GetStringAsync("/metrics"), "aspnetcore_rate_limiting_requests_total", ("aspnetcore_rate_limiting_result", "global_limiter")),
            count => count >= 1);
        Assert.True(rejected >= 1, "no rate-limit rejection in /metrics");
    }

    private async Task<string> ScrapeAsync()
    {
        using var response = await Client.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    // Some instruments are recorded just after the caller is answered (the writer's batch size), so scrape until moved.
    private async Task AssertMovedAsync(string before, string metric, params (string, string)[] labels)
    {
        var was = PrometheusText.Sum(before, metric, labels);
        var now = await Eventually.GetAsync(async () => PrometheusText.Sum(await ScrapeAsync(), metric, labels), value => value >= was + 1);
        Assert.True(now >= was + 1, $"{metric} {string.Join(",", labels)} did not move: {was} → {now}");
    }
}
