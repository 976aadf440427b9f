using System.Net;
using Canteen.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Canteen.Server.Tests.Api;

public sealed class ExpiryTests
{
    private const string TwoSeconds = "00:00:02";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task UnpaidOrder_TwoSecondTimeoutPasses_CancelledAndPortionsBack()
    {
        await using var app = new CanteenApp(settings: new Dictionary<string, string?> { ["Canteen:Ordering:PaymentTimeout"] = TwoSeconds });
        var client = app.Client();
        using var created = await client.PlaceOrderAsync(ApiClient.OrderBody(ApiClient.BraisedPork, 2, "\"size-regular\""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.JsonAsync())["id"]!;
        Assert.Equal((48, 2, 0, 50), await client.LevelAsync(ApiClient.BraisedPork));

        var order = await client.PollAsync($"/api/v1/orders/{id}", o => (string?)o["status"] == "cancelled", Bound);

        Assert.True((DateTime)order["updatedAt"]! >= (DateTime)order["paymentDeadline"]!, order.ToJsonString());
        await client.AssertLevelSoonAsync(ApiClient.BraisedPork, (50, 0, 0, 50), Bound);
        await client.AssertInvariantOkAsync();
    }

    [Fact]
    public async Task UnpaidOrder_DeadlinePassesWhileServerIsDown_CancelledAfterRestart()
    {
        string directory;
        string id;
        DateTime deadline;

        // The first server never sweeps again after its start-up sweep, and is gone before the deadline.
        await using (var first = new CanteenApp(settings: new Dictionary<string, string?>
        {
            ["Canteen:Ordering:PaymentTimeout"] = TwoSeconds,
            ["Canteen:Ordering:ExpirySweepInterval"] = "01:00:00",
        }))
        {
            first.DeleteDirectoryOnDispose = false;
            directory = first.DataDirectory;
            using var created = await first.Client().PlaceOrderAsync(ApiClient.OrderBody(ApiClient.BraisedPork, 3, "\"size-regular\""));
            var order = await created.JsonAsync();
            id = (string)order["id"]!;
            deadline = (DateTime)order["paymentDeadline"]!;
        }

        try
        {
            Assert.Equal("created", await StoredStatusAsync(Path.Combine(directory, "canteen.db"), id));
            var remaining = deadline - DateTime.UtcNow;
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining + TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
            }

            await using var restarted = new CanteenApp(directory);
            var client = restarted.Client();
            await client.PollAsync($"/api/v1/orders/{id}", o => (string?)o["status"] == "cancelled", Bound);

            await client.AssertLevelSoonAsync(ApiClient.BraisedPork, (50, 0, 0, 50), Bound);
            await client.AssertInvariantOkAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<string?> StoredStatusAsync(string databasePath, string orderId)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status FROM orders WHERE id = $id";
        command.Parameters.AddWithValue("$id", long.Parse(orderId, System.Globalization.CultureInfo.InvariantCulture));
        return (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
