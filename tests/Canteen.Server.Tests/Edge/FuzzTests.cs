using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Canteen.Server.Api;
using Canteen.Server.Tests.Support;
using CsCheck;
using Microsoft.Data.Sqlite;

namespace Canteen.Server.Tests.Edge;

/// <summary>
/// 10,000+ generated hostile requests (<see cref="HostileRequests"/>) over the real socket, concurrently, from every
/// kind of caller: no 5xx, every error a problem+json with a code, and the database exactly as before.
/// </summary>
public sealed class FuzzTests(EdgeFixture fixture, ITestOutputHelper output) : IClassFixture<EdgeFixture>
{
    private const int Requests = 10_000;

    // Kestrel refuses these before any application code runs (request line or headers too long), with an empty body.
    private static readonly HttpStatusCode[] ProtocolRejections = [HttpStatusCode.RequestUriTooLong, HttpStatusCode.RequestHeaderFieldsTooLarge];

    [Fact]
    public async Task Api_TenThousandHostileRequests_NoServerErrorsProblemsWithCodesDatabaseUnchanged()
    {
        var before = await FingerprintAsync();
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var sent = 0;
        var abandonedUploads = 0;
        var clock = Stopwatch.StartNew();

        await HostileRequests.Requests.SampleAsync(
            async request =>
            {
                HttpResponseMessage response;
                try
                {
                    response = await SendAsync(fixture[request.Caller], request);
                }
                catch (HttpRequestException) when (request.Body is { Length: > RequestBody.MaxJsonBytes })
                {
                    // The server answered (401, 413...) without reading an oversized body and closed the connection
                    // while the client was still uploading it: a refusal, seen from the client as a broken upload.
                    Interlocked.Increment(ref sent);
                    Interlocked.Increment(ref abandonedUploads);
                    return;
                }

                using var _ = response;
                Interlocked.Increment(ref sent);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                var problem = await CheckAsync(request, response);
                if (problem is not null)
                {
                    failures.Enqueue(problem + " <- " + request);
                }
            },
            iter: Requests,
            threads: 32,
            seed: null);

        output.WriteLine($"{sent} requests in {clock.Elapsed.TotalSeconds:F1} s ({abandonedUploads} oversized uploads cut off); statuses: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(sent >= Requests, $"Only {sent} requests were sent.");
        foreach (var failure in failures.Take(20))
        {
            output.WriteLine(failure);
        }

        Assert.Empty(failures.Take(20));
        Assert.Equal(before, await FingerprintAsync());
    }

    /// <summary>
    /// Sends again after a transport error (up to three tries): the server closes a connection after refusing a body it
    /// did not read, and a request the pool had already put on that connection fails without having reached the
    /// server. With 32 threads more than one pooled connection can be closing at once, so one retry is not always enough.
    /// </summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, FuzzRequest request)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var message = request.ToMessage();
                return await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
            }
            catch (HttpRequestException) when (attempt < 3)
            {
            }
        }
    }

    private static async Task<string?> CheckAsync(FuzzRequest request, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"{status}: {await response.Content.ReadAsStringAsync()}";
        }

        if (status < 300)
        {
            return request.Writes ? $"a writing request was accepted ({status})" : null;
        }

        if (ProtocolRejections.Contains(response.StatusCode) || await IsKestrelBadRequestAsync(response))
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} without problem+json ({response.Content.Headers.ContentType})";
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.TryGetProperty("code", out var code) && code.GetString() is { Length: > 0 }
            ? null
            : $"{status} problem without a code";
    }

    /// <summary>
    /// A 400 with no body at all can only be Kestrel's own protocol-level refusal (a path that decodes to a NUL, a
    /// malformed request line, a body that arrives too slowly on a loaded machine): inside the application,
    /// UseStatusCodePages gives every empty error response a problem document, so an app-made 400 is never empty.
    /// </summary>
    private static async Task<bool> IsKestrelBadRequestAsync(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.BadRequest && response.Content.Headers.ContentType is null
        && (await response.Content.ReadAsByteArrayAsync()).Length == 0;

    /// <summary>Everything an order request can write, plus accounts (the admin endpoint writes those).</summary>
    private async Task<string> FingerprintAsync()
    {
        var state = await DatabaseState.CaptureAsync(fixture.App);
        await using var connection = new SqliteConnection($"Data Source={fixture.App.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM users";
        return state + "\nusers = " + await command.ExecuteScalarAsync();
    }
}
