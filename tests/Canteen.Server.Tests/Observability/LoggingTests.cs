using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Canteen.Server.Tests.Observability;

public sealed class LoggingTests(SharedObservedApp shared) : IClassFixture<SharedObservedApp>
{
    [Fact]
    public async Task Logs_DuringTracedRequest_AreJsonAndCarryTheRequestTraceId()
    {
        var traceId = ActivityTraceId.CreateRandom();

        using var response = await TracedRequest.SendAsync(shared.App.Client(), HttpMethod.Get, "/api/v1/stores", traceId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var entries = await Eventually.GetAsync(() => EntriesOf(traceId), found => found.Count >= 2);
        Assert.NotEmpty(entries);
        Assert.All(entries, entry =>
        {
            Assert.Equal(JsonValueKind.String, entry.GetProperty("Timestamp").ValueKind);
            Assert.Equal(JsonValueKind.String, entry.GetProperty("LogLevel").ValueKind);
            Assert.Equal(JsonValueKind.String, entry.GetProperty("Category").ValueKind);
            Assert.Equal(JsonValueKind.String, entry.GetProperty("Message").ValueKind);
            var span = entry.GetProperty("Scopes").EnumerateArray().First(s => s.TryGetProperty("SpanId", out _));
            Assert.Matches("^[0-9a-f]{16}$", span.GetProperty("SpanId").GetString());
        });
    }

    [Fact]
    public async Task Logs_RequestsWithABearerToken_NeverContainTheToken()
    {
        var client = shared.App.Client();
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        var traceId = ActivityTraceId.CreateRandom();

        using var read = await TracedRequest.SendAsync(client, HttpMethod.Get, "/api/v1/stores", traceId);
        using var placed = await TracedRequest.PlaceOrderAsync(client, traceId, TracedRequest.PorkOrder());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        await Eventually.GetAsync(() => EntriesOf(traceId), found => found.Count >= 4);

        // The signature is the secret part of a JWT; neither it nor the whole token may reach a log line.
        var signature = token[(token.LastIndexOf('.') + 1)..];
        Assert.DoesNotContain(shared.App.Logs.Lines, line => line.Contains(signature, StringComparison.Ordinal));
    }

    [Fact]
    public void Logs_EveryCapturedLine_IsOneJsonObject()
    {
        var lines = shared.App.Logs.Lines;

        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            Assert.DoesNotContain('\n', line.TrimEnd('\n'));
            using var document = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        });
    }

    /// <summary>Log entries whose scopes carry this trace id (the request's), parsed.</summary>
    private List<JsonElement> EntriesOf(ActivityTraceId traceId)
    {
        var id = traceId.ToHexString();
        return shared.App.Logs.Lines
            .Where(line => line.Contains(id, StringComparison.Ordinal))
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .Where(entry => entry.TryGetProperty("Scopes", out var scopes)
                && scopes.EnumerateArray().Any(s => s.TryGetProperty("TraceId", out var t) && t.GetString() == id))
            .ToList();
    }
}
