using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Canteen.Engine.Outbox;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Crash;

/// <summary>What must hold after any number of crashes, checked through the API and straight on the SQLite file.</summary>
internal static class CrashChecks
{
    private const string Store = CrashWorkload.Store;
    private const string Consumer = StoreEventsConsumer.ConsumerName;

    // A bound on how long the restarted relay may take to catch up, not a timing assertion.
    private static readonly TimeSpan CatchUpGuard = TimeSpan.FromSeconds(30);

    /// <summary>Every 201 is an order that exists; every 200 cancel left it cancelled; the rest are created or cancelled.</summary>
    public static async Task AcknowledgedOrdersSurvivedAsync(HttpClient client, CrashDatabase db, Acknowledgements acks, CancellationToken cancellationToken)
    {
        var stored = await db.LongsAsync("SELECT id FROM orders", cancellationToken);
        var missing = acks.Created.Where(id => !stored.Contains(id)).ToList();
        Assert.Empty(missing);

        var cancelled = acks.Cancelled;
        var wrong = new ConcurrentQueue<string>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(acks.Created, parallel, async (id, token) =>
        {
            using var response = await client.GetAsync(new Uri($"/api/v1/orders/{id}", UriKind.Relative), token);
            var status = response.StatusCode == HttpStatusCode.OK
                ? (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(token))!["status"]
                : $"HTTP {(int)response.StatusCode}";
            if (cancelled.Contains(id) ? status != "cancelled" : status is not ("created" or "cancelled"))
            {
                wrong.Enqueue($"{id}: {status}");
            }
        });
        Assert.Empty(wrong);
    }

    /// <summary>For every limited dish: available + reserved + sold == total, and reserved is exactly what live orders hold.</summary>
    public static async Task StockAddsUpAsync(HttpClient client, CrashDatabase db, CancellationToken cancellationToken)
    {
        var levels = (JsonArray)await client.GetJsonAsync($"/api/v1/stores/{Store}/stock");
        var totals = await db.PairsAsync($"SELECT dish_id, total FROM stock_levels WHERE store_id = '{Store}'", cancellationToken);
        var held = await db.PairsAsync(HoldSum("held"), cancellationToken);
        var confirmed = await db.PairsAsync(HoldSum("confirmed"), cancellationToken);
        Assert.NotEmpty(levels);
        foreach (var level in levels)
        {
            var dish = (string)level!["dishId"]!;
            var (total, available, reserved, sold) = ((int)level["total"]!, (int)level["available"]!, (int)level["reserved"]!, (int)level["sold"]!);
            Assert.True(available >= 0 && reserved >= 0 && sold >= 0, $"{dish}: negative level {level.ToJsonString()}");
            Assert.Equal(total, available + reserved + sold);
            Assert.Equal(totals.GetValueOrDefault(dish), total);
            Assert.Equal(held.GetValueOrDefault(dish), reserved);
            Assert.Equal(confirmed.GetValueOrDefault(dish), sold);
        }

        // Holds belong to orders that exist, and only orders still waiting for payment hold portions.
        Assert.Equal(0, await db.CountAsync("SELECT COUNT(*) FROM stock_holds h WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = h.order_id)", cancellationToken));
        Assert.Equal(0, await db.CountAsync(
            "SELECT COUNT(*) FROM stock_holds h JOIN orders o ON o.id = h.order_id WHERE h.state = 'held' AND o.status NOT IN ('created', 'paying')",
            cancellationToken));

        using var invariant = await client.GetAsync(new Uri("/api/v1/admin/stock/invariant", UriKind.Relative), cancellationToken);
        if (invariant.StatusCode != HttpStatusCode.NotFound)
        {
            var report = JsonNode.Parse(await invariant.Content.ReadAsStringAsync(cancellationToken))!;
            Assert.True(invariant.IsSuccessStatusCode && (bool)report["ok"]!, report.ToJsonString());
        }
    }

    /// <summary>
    /// Once the relay has caught up, every outbox event is sent, is in the store-events inbox exactly once, and every
    /// order change has its event. Returns how many events there were.
    /// </summary>
    public static async Task<long> EveryEventDeliveredOnceAsync(CrashDatabase db, CancellationToken cancellationToken)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(CatchUpGuard);
        while (await db.CountAsync("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL", cancellationToken) > 0)
        {
            await Task.Delay(50, guard.Token);
        }

        Assert.Equal(0, await db.CountAsync(
            "SELECT COUNT(*) FROM (SELECT consumer, event_id FROM inbox GROUP BY consumer, event_id HAVING COUNT(*) > 1)", cancellationToken));
        Assert.Equal(0, await db.CountAsync(
            $"SELECT COUNT(*) FROM outbox e WHERE NOT EXISTS (SELECT 1 FROM inbox i WHERE i.consumer = '{Consumer}' AND i.event_id = e.id)",
            cancellationToken));
        Assert.Equal(0, await db.CountAsync(
            $"SELECT COUNT(*) FROM inbox i WHERE i.consumer = '{Consumer}' AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.id = i.event_id)",
            cancellationToken));
        Assert.Equal(0, await db.CountAsync(MissingEvent("OrderCreated", "1 = 1"), cancellationToken));
        Assert.Equal(0, await db.CountAsync(MissingEvent("OrderCancelled", "o.status = 'cancelled'"), cancellationToken));
        return await db.CountAsync("SELECT COUNT(*) FROM outbox", cancellationToken);
    }

    private static string HoldSum(string state) =>
        $"SELECT dish_id, SUM(quantity) FROM stock_holds WHERE store_id = '{Store}' AND state = '{state}' GROUP BY dish_id";

    private static string MissingEvent(string type, string ofOrders) =>
        $"SELECT COUNT(*) FROM orders o WHERE {ofOrders} AND NOT EXISTS " +
        $"(SELECT 1 FROM outbox e WHERE e.aggregate_id = CAST(o.id AS TEXT) AND e.type = '{type}')";
}
