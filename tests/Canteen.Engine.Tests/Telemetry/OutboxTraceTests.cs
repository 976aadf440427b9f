using System.Diagnostics;
using Canteen.Engine.Outbox;
using Canteen.Engine.Telemetry;
using Canteen.Engine.Tests.Support;
using Xunit;

namespace Canteen.Engine.Tests.Telemetry;

public sealed class OutboxTraceTests
{
    [Fact]
    public void StartConsumerActivity_EventMadeInsideASpan_ConsumerSpanIsItsChild()
    {
        using var spans = new SpanListener();
        OutboxEvent made;
        ActivityContext producer;
        using (var place = CanteenTelemetry.Source.StartActivity("PlaceOrder"))
        {
            producer = place!.Context;
            made = OrderEvents.For(TestOrders.Create(41), TestOrders.Now);
        }

        // What a consumer gets is what storage returns: the same payload text, read back later, elsewhere.
        var delivered = made with { Payload = new string(made.Payload) };
        using (var consumer = OutboxTrace.StartConsumerActivity(delivered, "kitchen"))
        {
            Assert.NotNull(consumer);
            Assert.Equal(producer.TraceId, consumer.TraceId);
            Assert.Equal(producer.SpanId, consumer.ParentSpanId);
            Assert.Equal(ActivityKind.Consumer, consumer.Kind);
            Assert.Equal("OrderCreated process", consumer.DisplayName);
            Assert.Equal("41", consumer.GetTagItem(CanteenTelemetry.OrderIdTag));
            Assert.Equal("kitchen", consumer.GetTagItem("messaging.consumer.group.name"));
        }

        Assert.Equal(2, spans.InTrace(producer.TraceId).Count);
    }

    [Fact]
    public void OrderEventsFor_InsideASpan_PayloadCarriesItsTraceparent()
    {
        using var spans = new SpanListener();
        using var place = CanteenTelemetry.Source.StartActivity("PlaceOrder");

        var made = OrderEvents.For(TestOrders.Create(42), TestOrders.Now);

        Assert.Equal($"00-{place!.TraceId}-{place.SpanId}-01", OutboxTrace.TraceParentOf(made.Payload));
    }

    [Fact]
    public void OrderEventsFor_OutsideAnySpan_PayloadHasNoTraceParentProperty()
    {
        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            var made = OrderEvents.For(TestOrders.Create(43), TestOrders.Now);

            Assert.DoesNotContain(OutboxTrace.PayloadProperty, made.Payload, StringComparison.Ordinal);
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    [Fact]
    public void StartConsumerActivity_PayloadWithoutTrace_StartsANewTrace()
    {
        using var spans = new SpanListener();
        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            var untraced = new OutboxEvent(Guid.NewGuid(), "OrderCreated", "44", "sh-jingan", """{"orderId":"44"}""", TestOrders.Now);

            using var consumer = OutboxTrace.StartConsumerActivity(untraced, "kitchen");

            Assert.NotNull(consumer);
            Assert.Equal(default, consumer.ParentSpanId);
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"traceParent":42}""")]
    [InlineData("""{"nested":{"traceParent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}}""")]
    public void TraceParentOf_NoTopLevelString_Null(string payload) =>
        Assert.Null(OutboxTrace.TraceParentOf(payload));

    [Fact]
    public void TraceParentOf_AfterOtherProperties_Found() =>
        Assert.Equal(
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            OutboxTrace.TraceParentOf("""{"a":{"b":[1,{"c":2}]},"traceParent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}"""));
}
