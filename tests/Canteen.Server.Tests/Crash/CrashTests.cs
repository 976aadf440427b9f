using Microsoft.Data.Sqlite;

namespace Canteen.Server.Tests.Crash;

/// <summary>
/// The server as a separate process, killed with SIGKILL at random moments under concurrent orders and restarted on
/// the same data directory, again and again. Seeded, so a failing run can be replayed.
/// </summary>
public sealed class CrashTests
{
    private const int Seed = 20250314;
    private const int Cycles = 10;
    private const int Guests = 6;

    // Raised so the two plentiful limited dishes never sell out; peking-duck keeps its 20 portions and does.
    private const int PlentifulPortions = 200_000;

    private static readonly TimeSpan ReadyGuard = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LoadGuard = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LoadWindowCap = TimeSpan.FromSeconds(2);

    [Fact(Timeout = 240_000)]
    public async Task Server_KilledRepeatedlyUnderLoad_KeepsAcknowledgedOrdersStockAndEvents()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var directory = Path.Combine(Path.GetTempPath(), "canteen-crash", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var random = new Random(Seed);
        var acks = new Acknowledgements();
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            for (var cycle = 0; cycle < Cycles; cycle++)
            {
                using var server = await ServerProcess.StartAsync(directory, ReadyGuard, cancellationToken);
                using var client = server.Client();
                if (cycle == 0)
                {
                    await RaiseStockAsync(client);
                }

                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var load = CrashWorkload.RunAsync(client, Guests, random.Next(), acks, stop.Token);

                await LetTrafficFlowAsync(acks, acks.CreatedCount + random.Next(30, 400), cancellationToken);

                // A seeded few more milliseconds, so the kill does not always land right after an answered request.
                await Task.Delay(random.Next(0, 40), cancellationToken);
                server.Kill();
                await stop.CancelAsync();
                await load.WaitAsync(LoadGuard, cancellationToken);
            }

            using var final = await ServerProcess.StartAsync(directory, ReadyGuard, cancellationToken);
            using var finalClient = final.Client();
            var db = new CrashDatabase(Path.Combine(directory, "canteen.db"));
            await CrashChecks.AcknowledgedOrdersSurvivedAsync(finalClient, db, acks, cancellationToken);
            await CrashChecks.StockAddsUpAsync(finalClient, db, cancellationToken);
            var events = await CrashChecks.EveryEventDeliveredOnceAsync(db, cancellationToken);

            Assert.Empty(acks.Unexpected);
            Assert.NotEmpty(acks.Created);
            Assert.NotEmpty(acks.Cancelled);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{Cycles} SIGKILLs; {acks.Created.Count} orders acknowledged, {acks.Cancelled.Count} cancels acknowledged, " +
                $"{acks.SoldOut} refused sold out, {acks.LostInFlight} requests cut off; {events} outbox events all sent and " +
                $"handled once; {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s.");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless; never fail a test over cleanup.
            }
        }
    }

    /// <summary>
    /// Waits until the clients have been answered <paramref name="target"/> orders in total (a seeded number, so each
    /// kill lands at a different point of the traffic), or for <see cref="LoadWindowCap"/> on a very slow machine.
    /// </summary>
    private static async Task LetTrafficFlowAsync(Acknowledgements acks, int target, CancellationToken cancellationToken)
    {
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        window.CancelAfter(LoadWindowCap);
        while (acks.CreatedCount < target && !window.IsCancellationRequested)
        {
            await Task.Delay(5, cancellationToken);
        }
    }

    private static async Task RaiseStockAsync(HttpClient client)
    {
        foreach (var dish in new[] { "braised-pork", "crayfish" })
        {
            using var content = new StringContent($$"""{"total":{{PlentifulPortions}}}""", System.Text.Encoding.UTF8, "application/json");
            using var response = await client.PutAsync(new Uri($"/api/v1/stores/{CrashWorkload.Store}/stock/{dish}", UriKind.Relative), content);
            response.EnsureSuccessStatusCode();
        }
    }
}
