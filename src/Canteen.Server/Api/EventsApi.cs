using System.Globalization;
using System.Text;
using Canteen.Engine.Catalog;
using Canteen.Engine.Errors;
using Canteen.Engine.Outbox;
using Canteen.Server.Auth;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Canteen.Server.Api;

/// <summary>
/// Live order and ticket changes of one store as Server-Sent Events (kitchen display, dashboards). Each event is
/// <c>id: &lt;event id&gt;</c>, <c>event: &lt;type&gt;</c>, <c>data: &lt;payload JSON&gt;</c>; an idle stream sends a
/// comment every <see cref="OutboxOptions.HeartbeatInterval"/>. The stream is live only: it starts with the events
/// published after the client connected, and a client that falls too far behind is disconnected (it reconnects and
/// reads current state from the orders API).
/// </summary>
public static partial class EventsApi
{
    // One write to the client carries at most this much, so a burst is flushed in pieces rather than built up whole.
    private const int MaxChunkChars = 64 * 1024;

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/stores/{storeId}/events", StreamEvents)
            .WithTags("Events")
            .WithName("StreamStoreEvents")
            .RequireAuthorization(CanteenPolicies.Kitchen)
            .AddEndpointFilter<StoreScopeFilter>()
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return routes;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> StreamEvents(
        string storeId,
        HttpContext context,
        MenuCache menus,
        StoreEventFeed feed,
        IOptions<OutboxOptions> options,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggers)
    {
        if (!menus.TryGet(storeId, out _))
        {
            return Problems.From(Failure.NotFound($"Store '{storeId}'"), context);
        }

        // Subscribed before the headers go out: a client that has seen the response start misses no later event.
        using var subscription = feed.Subscribe(storeId);

        // Ends the stream when the client leaves, when the server stops (so shutdown never waits on open streams), and
        // when the feed drops this client as too slow (so a write stuck on a full socket is abandoned).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(
            context.RequestAborted, lifetime.ApplicationStopping, subscription.Dropped);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await PumpAsync(response, subscription, options.Value.HeartbeatInterval, time, stop.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client went away or the server is stopping: nothing to answer, nothing to log.
        }

        if (subscription.WasDropped)
        {
            LogDropped(loggers.CreateLogger(typeof(EventsApi).FullName!), storeId);
        }

        return TypedResults.Empty;
    }

    private static async Task PumpAsync(
        HttpResponse response, StoreEventSubscription subscription, TimeSpan heartbeatInterval, TimeProvider time, CancellationToken cancellationToken)
    {
        await WriteAsync(response, ": connected\n\n", cancellationToken);
        using var heartbeat = new PeriodicTimer(heartbeatInterval, time);
        var events = subscription.Events;

        // Exactly one wait of each kind is in flight at any time, so nothing piles up however long the stream lives.
        var tick = heartbeat.WaitForNextTickAsync(cancellationToken).AsTask();
        var ready = events.WaitToReadAsync(cancellationToken).AsTask();
        var text = new StringBuilder();
        while (true)
        {
            if (await Task.WhenAny(ready, tick) == tick)
            {
                if (!await tick)
                {
                    return;
                }

                await WriteAsync(response, ": heartbeat\n\n", cancellationToken);
                tick = heartbeat.WaitForNextTickAsync(cancellationToken).AsTask();
                continue;
            }

            if (!await ready)
            {
                return;
            }

            text.Clear();
            while (text.Length < MaxChunkChars && events.TryRead(out var next))
            {
                AppendEvent(text, next);
            }

            await WriteAsync(response, text.ToString(), cancellationToken);
            ready = events.WaitToReadAsync(cancellationToken).AsTask();
        }
    }

    private static void AppendEvent(StringBuilder text, OutboxEvent outboxEvent)
    {
        text.Append(CultureInfo.InvariantCulture, $"id: {outboxEvent.Id:D}\nevent: {outboxEvent.Type}\n");

        // SSE ends a field at a line break; compact JSON has none, but a payload that did would need one data line each.
        foreach (var line in outboxEvent.Payload.Split('\n'))
        {
            text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }

        text.Append('\n');
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Disconnected a live events client of store {StoreId}: it fell too far behind")]
    private static partial void LogDropped(ILogger logger, string storeId);
}
