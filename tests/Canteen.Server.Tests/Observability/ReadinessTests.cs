using System.Net;

namespace Canteen.Server.Tests.Observability;

/// <summary>
/// Readiness follows storage for real: the SQLite data directory is moved away (as when its volume is unmounted) and
/// put back, with no test double in between.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_DataDirectoryGoneThenBack_UnhealthyThenHealthy()
    {
        await using var app = new ObservedApp();
        var client = app.Client();
        var away = app.DataDirectory + "-away";
        Assert.Equal(HttpStatusCode.OK, await ReadyAsync(client));

        Directory.Move(app.DataDirectory, away);
        HttpStatusCode gone;
        try
        {
            // Idle pooled readers keep the moved file open, as they would until recycled; close them so the probe opens
            // the path afresh, the way it would on a fresh connection.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            gone = await ReadyAsync(client);
        }
        finally
        {
            Directory.Move(away, app.DataDirectory);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, gone);
        Assert.Equal(HttpStatusCode.OK, await Eventually.GetAsync(() => ReadyAsync(client), status => status == HttpStatusCode.OK));
    }

    private static async Task<HttpStatusCode> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        return response.StatusCode;
    }
}
