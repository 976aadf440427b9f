using System.Text.Json.Nodes;

namespace Canteen.Server.Tests.Support;

/// <summary>Stock assertions shared by the flash-sale, expiry and invariant tests.</summary>
public static class StockChecks
{
    /// <summary>The admin invariant report (<c>GET /api/v1/admin/stock/invariant</c>).</summary>
    public static async Task<JsonNode> InvariantAsync(this HttpClient client) =>
        await client.GetJsonAsync("/api/v1/admin/stock/invariant");

    public static async Task AssertInvariantOkAsync(this HttpClient client)
    {
        var report = await client.InvariantAsync();
        Assert.True((bool)report["ok"]!, report.ToJsonString());
        Assert.Empty(report["violations"]!.AsArray());
    }

    /// <summary>(available, reserved, sold, total) of a limited dish.</summary>
    public static async Task<(int Available, int Reserved, int Sold, int Total)> LevelAsync(this HttpClient client, string dishId, string store = ApiClient.Store)
    {
        var level = await client.StockOfAsync(dishId, store);
        return ((int)level["available"]!, (int)level["reserved"]!, (int)level["sold"]!, (int)level["total"]!);
    }

    /// <summary>
    /// Waits (bounded) until the dish's level is <paramref name="expected"/>: an expiry releases the ledger's portions
    /// just after the cancel is durable, so the order may read cancelled a moment before the stock does.
    /// </summary>
    public static async Task AssertLevelSoonAsync(this HttpClient client, string dishId, (int Available, int Reserved, int Sold, int Total) expected, TimeSpan within)
    {
        await client.PollAsync($"/api/v1/stores/{ApiClient.Store}/stock", levels =>
        {
            var level = levels.AsArray().Single(l => (string?)l!["dishId"] == dishId)!;
            return ((int)level["available"]!, (int)level["reserved"]!, (int)level["sold"]!, (int)level["total"]!) == expected;
        }, within);
    }

    /// <summary>
    /// Reads <paramref name="path"/> until <paramref name="done"/> holds, failing after <paramref name="within"/>.
    /// A bound on waiting, not an assertion about speed.
    /// </summary>
    public static async Task<JsonNode> PollAsync(this HttpClient client, string path, Func<JsonNode, bool> done, TimeSpan within)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(within);
        while (true)
        {
            var current = await client.GetJsonAsync(path);
            if (done(current))
            {
                return current;
            }

            try
            {
                await Task.Delay(50, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"{path} never got there within {within}; last: {current.ToJsonString()}");
            }
        }
    }
}
