using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Api;

public sealed class FlashSaleTests
{
    private const int Portions = 100;
    private const int FirstWave = 5_000;
    private const int SecondWave = 1_000;
    private const int Clients = 200;
    private const int Cancelled = 30;

    [Fact]
    public async Task PlaceOrder_FlashSaleOf100Portions_Exactly100SoldThen30CancelledSellAgainExactly()
    {
        var clock = Stopwatch.StartNew();

        // Midnight must not reset the dish mid-test (16:00 UTC for the demo stores).
        await using var app = new CanteenApp(settings: new Dictionary<string, string?> { ["Canteen:Inventory:DailyReset"] = "false" });
        var client = app.Client();
        using (var put = await client.PutAsync(
            $"/api/v1/stores/{ApiClient.Store}/stock/{ApiClient.BraisedPork}",
            new StringContent($$"""{"total":{{Portions}}}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var first = await StormAsync(client, FirstWave);
        Assert.Equal(Portions, first.Created.Count);
        Assert.Equal(FirstWave - Portions, first.SoldOut);
        Assert.Empty(first.Unexpected);
        Assert.Equal((0, Portions, 0, Portions), await client.LevelAsync(ApiClient.BraisedPork));
        await client.AssertInvariantOkAsync();

        var cancels = await Task.WhenAll(first.Created.Take(Cancelled).Select(async id =>
        {
            using var response = await client.PostAsync($"/api/v1/orders/{id}/cancel");
            return (response.StatusCode, (string?)(await response.JsonAsync())["status"]);
        }));
        Assert.All(cancels, c => Assert.Equal((HttpStatusCode.OK, "cancelled"), c));
        Assert.Equal((Cancelled, Portions - Cancelled, 0, Portions), await client.LevelAsync(ApiClient.BraisedPork));
        await client.AssertInvariantOkAsync();

        var second = await StormAsync(client, SecondWave);
        Assert.Equal(Cancelled, second.Created.Count);
        Assert.Equal(SecondWave - Cancelled, second.SoldOut);
        Assert.Empty(second.Unexpected);
        Assert.Empty(second.Created.Intersect(first.Created));
        Assert.Equal((0, Portions, 0, Portions), await client.LevelAsync(ApiClient.BraisedPork));
        await client.AssertInvariantOkAsync();

        TestContext.Current.TestOutputHelper?.WriteLine($"Flash sale ({FirstWave} + {SecondWave} attempts, {Clients} clients): {clock.Elapsed}");
    }

    /// <summary>
    /// <see cref="Clients"/> concurrent clients, each ordering one portion again and again until
    /// <paramref name="attempts"/> orders have been tried in total.
    /// </summary>
    private static async Task<Wave> StormAsync(HttpClient client, int attempts)
    {
        var body = ApiClient.OrderBody(ApiClient.BraisedPork, 1, "\"size-regular\"");
        var created = new ConcurrentBag<string>();
        var unexpected = new ConcurrentBag<string>();
        var soldOut = 0;
        var taken = 0;
        using var gate = new SemaphoreSlim(0);
        var clients = Enumerable.Range(0, Clients).Select(async _ =>
        {
            await gate.WaitAsync(TestContext.Current.CancellationToken);
            while (Interlocked.Increment(ref taken) <= attempts)
            {
                using var response = await client.PlaceOrderAsync(body);
                var json = await response.JsonAsync();
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    created.Add((string)json["id"]!);
                }
                else if (response.StatusCode == HttpStatusCode.Conflict && json.Code() == "sold_out")
                {
                    Interlocked.Increment(ref soldOut);
                }
                else
                {
                    unexpected.Add($"{(int)response.StatusCode} {json.ToJsonString()}");
                }
            }
        }).ToList();
        gate.Release(Clients);
        await Task.WhenAll(clients);
        return new Wave([.. created], soldOut, [.. unexpected]);
    }

    private sealed record Wave(IReadOnlyList<string> Created, int SoldOut, IReadOnlyList<string> Unexpected);
}
