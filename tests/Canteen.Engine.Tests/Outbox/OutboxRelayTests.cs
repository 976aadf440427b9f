using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;
using Canteen.Engine.Tests.Support;
using Xunit;

namespace Canteen.Engine.Tests.Outbox;

public sealed class OutboxRelayTests
{
    [Fact]
    public async Task RelayOnce_UnsentEvents_PublishesInOrderAndMarksSent()
    {
        await using var harness = new OutboxHarness();
        var events = new[] { OutboxHarness.Event(), OutboxHarness.Event(), OutboxHarness.Event() };
        harness.Store.Seed(events);
        var bus = new RecordingEventBus();

        var relayed = await harness.Relay(bus).RelayOnceAsync(CancellationToken.None);

        Assert.Equal(3, relayed);
        Assert.Equal(events.Select(e => e.Id), bus.PublishedIds);
        Assert.Empty(harness.Store.UnsentIds);
        Assert.All(events, e => Assert.Equal(OutboxHarness.Start, harness.Store.SentAt(e.Id)));
    }

    [Fact]
    public async Task RelayOnce_CrashBetweenPublishAndMark_RepublishesOnNextRun()
    {
        await using var harness = new OutboxHarness();
        var events = new[] { OutboxHarness.Event(), OutboxHarness.Event() };
        harness.Store.Seed(events);
        var bus = new RecordingEventBus();
        harness.Store.FailWritesOf<MarkOutboxSent>();

        await Assert.ThrowsAsync<IOException>(() => harness.Relay(bus).RelayOnceAsync(CancellationToken.None));
        var unsentAfterCrash = harness.Store.UnsentIds;
        harness.Store.StopFailing();
        var relayed = await harness.Relay(bus).RelayOnceAsync(CancellationToken.None);

        Assert.Equal(events.Select(e => e.Id), unsentAfterCrash);
        Assert.Equal(2, relayed);
        Assert.Equal([.. events.Select(e => e.Id), .. events.Select(e => e.Id)], bus.PublishedIds);
        Assert.Empty(harness.Store.UnsentIds);
    }

    [Fact]
    public async Task RelayOnce_PublishFails_LeavesEventsUnsent()
    {
        await using var harness = new OutboxHarness();
        var outboxEvent = OutboxHarness.Event();
        harness.Store.Seed(outboxEvent);
        var bus = new RecordingEventBus();
        bus.FailNext(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Relay(bus).RelayOnceAsync(CancellationToken.None));

        Assert.Equal([outboxEvent.Id], harness.Store.UnsentIds);
        Assert.Empty(bus.Batches);
    }

    [Fact]
    public async Task RelayOnce_MoreThanOneBatch_RelaysOneBatchPerRoundOldestFirst()
    {
        await using var harness = new OutboxHarness(new OutboxOptions { BatchSize = 2 });
        var events = new[] { OutboxHarness.Event(), OutboxHarness.Event(), OutboxHarness.Event() };
        harness.Store.Seed(events[2], events[0], events[1]);
        var bus = new RecordingEventBus();
        var relay = harness.Relay(bus);

        var first = await relay.RelayOnceAsync(CancellationToken.None);
        var second = await relay.RelayOnceAsync(CancellationToken.None);
        var third = await relay.RelayOnceAsync(CancellationToken.None);

        Assert.Equal((2, 1, 0), (first, second, third));
        Assert.Equal(events.Select(e => e.Id), bus.PublishedIds);
        Assert.Equal(2, bus.Batches.Count);
    }

    [Fact]
    public async Task Run_WriterCommitsAnEvent_PublishesWithoutWaitingForThePoll()
    {
        // The fake clock never moves, so the poll timer never fires: only the writer's commit can wake the relay.
        await using var harness = new OutboxHarness();
        var bus = new RecordingEventBus();
        using var relay = harness.Relay(bus);
        await relay.StartAsync(CancellationToken.None);
        var outboxEvent = OutboxHarness.Event();

        await harness.CommitAsync(outboxEvent);
        await TestWait.UntilAsync(() => harness.Store.UnsentIds.Count == 0);
        await relay.StopAsync(CancellationToken.None);

        Assert.Equal([outboxEvent.Id], bus.PublishedIds);
    }

    [Fact]
    public async Task Run_RoundFails_RetriesAfterTheDelayAndMarksSent()
    {
        var options = new OutboxOptions { RetryDelay = TimeSpan.FromSeconds(1) };
        await using var harness = new OutboxHarness(options);
        var outboxEvent = OutboxHarness.Event();
        harness.Store.Seed(outboxEvent);
        var bus = new RecordingEventBus();
        bus.FailNext(1);
        using var relay = harness.Relay(bus);
        await relay.StartAsync(CancellationToken.None);

        await TestWait.UntilAsync(() => harness.Store.UnsentIds.Count == 0, () => harness.Time.Advance(options.RetryDelay));
        await relay.StopAsync(CancellationToken.None);

        Assert.Equal([outboxEvent.Id], bus.PublishedIds);
    }
}
