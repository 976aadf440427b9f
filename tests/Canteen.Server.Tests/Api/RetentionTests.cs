using System.Net;
using Canteen.Server.Tests.Observability;
using Canteen.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Canteen.Server.Tests.Api;

public sealed class RetentionTests
{
    [Fact]
    public async Task PlaceOrder_PastEveryRetention_EventsInboxAndIdempotencyRecordAreGoneAndTheKeyIsNew()
    {
        await using var app = new CanteenApp(settings: new Dictionary<string, string?>
        {
            ["Canteen:Outbox:Retention"] = "00:00:02",
            ["Canteen:Outbox:PruneInterval"] = "00:00:00.200",
            ["Canteen:Idempotency:Retention"] = "00:00:02",
            ["Canteen:Idempotency:PruneInterval"] = "00:00:00.200",
        });
        var client = app.Client();
        var body = ApiClient.OrderBody("xiaolongbao");
        using var first = await client.PlaceOrderAsync(body, "kept-two-seconds");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.NotEqual("0 0 0", await CountsAsync(app)); // the order's event, its live-feed inbox record, its replay

        var left = await Eventually.GetAsync(() => CountsAsync(app), counts => counts == "0 0 0");
        using var again = await client.PlaceOrderAsync(body, "kept-two-seconds");

        Assert.Equal("0 0 0", left);
        // Past the retention the key is forgotten: the same request is a new order, as the README says.
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.NotEqual(first.Headers.Location, again.Headers.Location);
    }

    /// <summary>"outbox inbox idempotency" row counts, read straight from the file.</summary>
    private static async Task<string> CountsAsync(CanteenApp app)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT (SELECT COUNT(*) FROM outbox) || ' ' || (SELECT COUNT(*) FROM inbox) || ' ' || (SELECT COUNT(*) FROM idempotency_keys);";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
