using Canteen.Engine.Tests.Support;
using Xunit;

namespace Canteen.Engine.Tests.Outbox;

public sealed class InProcessEventBusTests
{
    [Fact]
    public async Task Publish_TwoSubscribers_CompletesOnlyAfterBothHandledInOrder()
    {
        await using var harness = new OutboxHarness();
        var bus = harness.Bus();
        var fast = new RecordingConsumer("fast");
        var gate = new TaskCompletionSource();
        var slow = new RecordingConsumer("slow") { Gate = gate.Task };
        await using var fastSubscription = bus.Subscribe(fast);
        await using var slowSubscription = bus.Subscribe(slow);
        var events = new[] { OutboxHarness.Event(), OutboxHarness.Event() };

        var publish = bus.PublishAsync(events, CancellationToken.None);
        await TestWait.Guarded(slow.Arrived);
        await TestWait.UntilAsync(() => fast.Handled.Count == 2);
        var completedBeforeSlowFinished = publish.IsCompleted;
        gate.SetResult();
        await TestWait.Guarded(publish);

        Assert.False(completedBeforeSlowFinished);
        Assert.Equal(events.Select(e => e.Id), fast.Handled);
        Assert.Equal(events.Select(e => e.Id), slow.Handled);
    }

    [Fact]
    public async Task Publish_ConsumerThrows_PublishFailsSoTheRelayDoesNotMarkSent()
    {
        await using var harness = new OutboxHarness();
        var bus = harness.Bus();
        await using var subscription = bus.Subscribe(new RecordingConsumer("failing") { Fail = true });

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => TestWait.Guarded(bus.PublishAsync([OutboxHarness.Event()], CancellationToken.None)));
    }

    [Fact]
    public async Task Publish_ConsumerNeverFinishes_TimesOutInsteadOfBlockingForever()
    {
        await using var harness = new OutboxHarness();
        var bus = harness.Bus();
        var gate = new TaskCompletionSource();
        var stuck = new RecordingConsumer("stuck") { Gate = gate.Task };
        await using var subscription = bus.Subscribe(stuck);

        var publish = bus.PublishAsync([OutboxHarness.Event()], CancellationToken.None);
        await TestWait.Guarded(stuck.Arrived);
        harness.Time.Advance(harness.Settings.DeliveryTimeout);
        var error = await Assert.ThrowsAsync<TimeoutException>(() => TestWait.Guarded(publish));
        gate.SetResult();

        Assert.Contains("stuck", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_NoSubscribers_CompletesAtOnce()
    {
        await using var harness = new OutboxHarness();

        var publish = harness.Bus().PublishAsync([OutboxHarness.Event()], CancellationToken.None);

        Assert.True(publish.IsCompletedSuccessfully);
        await publish;
    }

    [Fact]
    public async Task Subscribe_Disposed_StopsDelivering()
    {
        await using var harness = new OutboxHarness();
        var bus = harness.Bus();
        var consumer = new RecordingConsumer("leaving");
        await bus.Subscribe(consumer).DisposeAsync();

        await TestWait.Guarded(bus.PublishAsync([OutboxHarness.Event()], CancellationToken.None));

        Assert.Empty(consumer.Handled);
    }
}
