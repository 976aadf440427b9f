using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Canteen.Engine.Outbox;

namespace Canteen.Engine.Telemetry;

/// <summary>
/// Carries the trace across the outbox (DESIGN §9): the producer writes the W3C <c>traceparent</c> of the span that
/// made the change into the event payload (<c>traceParent</c>), and a consumer starts its span as that span's child.
/// It travels inside the payload, not in a column, so no storage adapter needs a schema change to carry it.
/// </summary>
public static class OutboxTrace
{
    /// <summary>The JSON property of an event payload that holds the producer's traceparent.</summary>
    public const string PayloadProperty = "traceParent";

    private static readonly byte[] PayloadPropertyUtf8 = Encoding.UTF8.GetBytes(PayloadProperty);

    /// <summary>The traceparent of the current span, to embed in an event; null outside any W3C span.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>
    /// Starts the consumer span for <paramref name="event"/>: a child of the span that produced it when the payload
    /// carries a valid traceparent, a new trace otherwise. Null when nothing listens. The caller disposes it.
    /// </summary>
    /// <param name="event">The event being handled.</param>
    /// <param name="consumer">The handler's name; the span is named "<c>{Type} process</c>" and tagged with it.</param>
    public static Activity? StartConsumerActivity(OutboxEvent @event, string consumer)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (!CanteenTelemetry.Source.HasListeners())
        {
            return null;
        }

        ActivityContext.TryParse(TraceParentOf(@event.Payload), null, isRemote: true, out var parent);
        var activity = CanteenTelemetry.Source.StartActivity(@event.Type + " process", ActivityKind.Consumer, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "canteen.outbox");
            activity.SetTag("messaging.operation.type", "process");
            activity.SetTag("messaging.destination.name", @event.Type);
            activity.SetTag("messaging.message.id", @event.Id.ToString());
            activity.SetTag("messaging.consumer.group.name", consumer);
            activity.SetTag(CanteenTelemetry.OrderIdTag, @event.AggregateId);
            activity.SetTag(CanteenTelemetry.StoreIdTag, @event.StoreId);
        }

        return activity;
    }

    /// <summary>The top-level <c>traceParent</c> string of a JSON payload, or null (also for payloads that are not JSON).</summary>
    public static string? TraceParentOf(string payload)
    {
        if (string.IsNullOrEmpty(payload))
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(payload));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTraceParent = reader.ValueTextEquals(PayloadPropertyUtf8);
                reader.Read();
                if (isTraceParent)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // A payload that is not JSON has no trace to continue; the consumer still runs, in a trace of its own.
        }

        return null;
    }
}
