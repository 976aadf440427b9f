using Canteen.Engine.Ordering;
using Canteen.Engine.Storage;
using Canteen.Engine.Tests.Support;
using Xunit;

namespace Canteen.Engine.Tests.Outbox;

public sealed class InboxConsumerTests
{
    [Fact]
    public async Task Handle_RedeliveredEvent_ActsOnce()
    {
        await using var harness = new OutboxHarness();
        var consumer = new CountingInboxConsumer(harness.Writer, harness.Time);
        var outboxEvent = OutboxHarness.Event();

        await TestWait.Guarded(consumer.HandleAsync([outboxEvent], CancellationToken.None));
        await TestWait.Guarded(consumer.HandleAsync([outboxEvent], CancellationToken.None));

        Assert.Equal(1, consumer.ActionsFor(outboxEvent.Id));
        Assert.True(harness.Store.InInbox(CountingInboxConsumer.ConsumerName, outboxEvent.Id));
    }

    [Fact]
    public async Task Handle_ConcurrentRedeliveriesOfOneEvent_ActsOnce()
    {
        await using var harness = new OutboxHarness();
        var consumer = new CountingInboxConsumer(harness.Writer, harness.Time);
        var outboxEvent = OutboxHarness.Event();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Every delivery waits at the same gate, so they all reach the writer together once it opens.
        var deliveries = Enumerable.Range(0, 32)
            .Select(_ => Task.Run(async () =>
            {
                await start.Task;
                await consumer.HandleAsync([outboxEvent], CancellationToken.None);
            }))
            .ToList();
        start.SetResult();
        await TestWait.Guarded(Task.WhenAll(deliveries));

        Assert.Equal(1, consumer.ActionsFor(outboxEvent.Id));
    }

    [Fact]
    public async Task Handle_LargeBatch_QueuesEveryInboxRowAtOnceWithoutTakingGuestsPlaces()
    {
        await using var harness = new OutboxHarness();
        var consumer = new CountingInboxConsumer(harness.Writer, harness.Time);
        var events = Enumerable.Range(0, 300).Select(_ => OutboxHarness.Event()).ToList();
        harness.Store.Block();
        var jam = harness.Writer.SubmitAsync(new AppendEvent(OutboxHarness.Event()));
        await harness.Store.BlockedCommit.Guarded();

        var handling = consumer.HandleAsync(events, CancellationToken.None);
        await TestWait.UntilAsync(() => harness.Writer.QueueDepth == events.Count);
        // All 300 rows wait among the system's writes; every one of the guests' 256 places is still free.
        var guests = Enumerable.Range(0, new OrderingOptions().WriterQueueCapacity)
            .Select(_ => harness.Writer.SubmitAsync(new AppendEvent(OutboxHarness.Event())))
            .ToList();
        harness.Store.Unblock();

        await TestWait.Guarded(handling);
        Assert.All(await Task.WhenAll([jam, .. guests]).Guarded(), o => Assert.Equal(WriteOutcome.Committed, o));
        Assert.Equal(300, consumer.TotalActions);
        // Queued before any was awaited, so the first commit after the jam carried a full writer batch of them.
        Assert.Equal(new OrderingOptions().WriterMaxBatch, harness.Store.MostInboxRowsInOneBatch);
    }

    [Fact]
    public async Task Handle_ActionFailsEarlyInALargeBatch_EveryLaterEventIsStillHandled()
    {
        await using var harness = new OutboxHarness();
        var consumer = new CountingInboxConsumer(harness.Writer, harness.Time);
        var events = Enumerable.Range(0, 70).Select(_ => OutboxHarness.Event()).ToList();
        consumer.FailOn = events[3].Id;

        // An action that throws is logged, not rethrown; every other event is still acted on once.
        await TestWait.Guarded(consumer.HandleAsync(events, CancellationToken.None));

        Assert.Equal(70, consumer.TotalActions);
        Assert.All(events, e => Assert.True(harness.Store.InInbox(CountingInboxConsumer.ConsumerName, e.Id)));
    }

    [Fact]
    public async Task Handle_SameEventTwiceInOneBatch_ActsOnce()
    {
        await using var harness = new OutboxHarness();
        var consumer = new CountingInboxConsumer(harness.Writer, harness.Time);
        var outboxEvent = OutboxHarness.Event();
        var other = OutboxHarness.Event();

        await TestWait.Guarded(consumer.HandleAsync([outboxEvent, other, outboxEvent], CancellationToken.None));

        Assert.Equal((1, 1), (consumer.ActionsFor(outboxEvent.Id), consumer.ActionsFor(other.Id)));
    }

    [Fact]
    public async Task Handle_InboxWriteFails_ThrowsWithoutActingAndActsOnRedelivery()
    {
        await using var harness = new OutboxHarness();
        var consumer = new CountingInboxConsumer(harness.Writer, harness.Time);
        var outboxEvent = OutboxHarness.Event();
        harness.Store.FailWritesOf<RecordInbox>();

        await Assert.ThrowsAsync<IOException>(() => TestWait.Guarded(consumer.HandleAsync([outboxEvent], CancellationToken.None)));
        var actionsWhileFailing = consumer.TotalActions;
        harness.Store.StopFailing();
        await TestWait.Guarded(consumer.HandleAsync([outboxEvent], CancellationToken.None));

        Assert.Equal(0, actionsWhileFailing);
        Assert.Equal(1, consumer.ActionsFor(outboxEvent.Id));
    }

    [Fact]
    public async Task Handle_ActionThrows_OtherEventsStillHandledAndTheFailedOneIsNotRepeated()
    {
        await using var harness = new OutboxHarness();
        var consumer = new CountingInboxConsumer(harness.Writer, harness.Time);
        var failing = OutboxHarness.Event();
        var fine = OutboxHarness.Event();
        consumer.FailOn = failing.Id;

        await TestWait.Guarded(consumer.HandleAsync([failing, fine], CancellationToken.None));
        await TestWait.Guarded(consumer.HandleAsync([failing], CancellationToken.None));

        // Record-then-act: the event was recorded before the action failed, so a redelivery is skipped.
        Assert.Equal((1, 1), (consumer.ActionsFor(failing.Id), consumer.ActionsFor(fine.Id)));
    }
}
