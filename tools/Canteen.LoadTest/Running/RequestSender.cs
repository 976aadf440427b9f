using System.Diagnostics;
using System.Net.Http.Headers;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Running;

/// <summary>
/// Sends one operation and records how it ended. Bodies are pre-built; per request only the message, its
/// Idempotency-Key and the response are allocated, so the client costs the shared cores as little as it can.
/// </summary>
internal sealed class RequestSender(HttpClient client, RunRecorder recorder, Scenario scenario, AckLog acks)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Takes an in-flight slot if fewer than <paramref name="cap"/> are taken.</summary>
    public bool TryReserve(int cap)
    {
        if (Interlocked.Increment(ref _inFlight) <= cap)
        {
            return true;
        }

        Interlocked.Decrement(ref _inFlight);
        return false;
    }

    /// <summary>Sends on a slot taken with <see cref="TryReserve"/>, and frees it. Never throws.</summary>
    public async Task SendAsync(Operation operation, long startTimestamp, bool measured)
    {
        try
        {
            var (status, code, location) = await ExchangeAsync(operation);
            recorder.Record(operation.Kind, status, code, startTimestamp, Stopwatch.GetTimestamp(), measured);
            Remember(operation, status, location);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<(int Status, string? Code, string? Location)> ExchangeAsync(Operation operation)
    {
        using var request = new HttpRequestMessage(
            operation.Kind == OperationKind.Menu ? HttpMethod.Get : HttpMethod.Post,
            new Uri(operation.Path, UriKind.Relative));
        if (operation.Template is { } template)
        {
            request.Content = new ByteArrayContent(template.Body) { Headers = { ContentType = Json } };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString("D"));
        }

        if (operation.Authorization is { } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        try
        {
            // The whole body is read: a response counts as answered when its last byte arrived.
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsByteArrayAsync();
            var code = status >= 400 ? ProblemCode.Read(body) ?? "(no code)" : null;
            return (status, code, response.Headers.Location?.OriginalString);
        }
        catch (HttpRequestException e)
        {
            return (0, "client_" + e.HttpRequestError.ToString().ToLowerInvariant(), null);
        }
        catch (TaskCanceledException)
        {
            return (0, "client_timeout", null);
        }
    }

    /// <summary>
    /// Only the answer the API defines settles what happened: 201 placed an order, 200 cancelled one. Any other 2xx is
    /// a success the contract does not promise (a 204 to a cancel, say), so the tool cannot know what the server did:
    /// like no answer at all, it is an unknown outcome, and it is counted so the verification can name the deviation.
    /// </summary>
    private void Remember(Operation operation, int status, string? location)
    {
        switch (operation.Kind)
        {
            case OperationKind.Order when status == 201:
                if (acks.AddPlaced(location, operation.Template!) is { } placed)
                {
                    scenario.OnPlaced(placed);
                }

                return;
            case OperationKind.Cancel when status == 200:
                acks.AddCancelled(operation.Target!.Id);
                return;
            case OperationKind.Menu:
                return;
        }

        var outcome = RunRecorder.Classify(status);
        if (outcome is not (Outcome.Ok or Outcome.Failed))
        {
            // Refused or shed: the server said no, and nothing was placed or released.
            return;
        }

        if (outcome == Outcome.Ok)
        {
            acks.AddUndefinedSuccess(operation.Kind, status);
        }

        if (operation.Kind == OperationKind.Order)
        {
            acks.AddUnknown();
        }
        else
        {
            acks.AddUnknownCancel(operation.Target!.Id);
        }
    }
}
