using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;
using Canteen.Engine.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Canteen.Engine.Tests.Outbox;

/// <summary>The whole path, relay → in-process bus → inbox consumer → live feed, under redelivery.</summary>
public sealed class OutboxDeliveryTests
{
    private static StoreEventsConsumer Consumer(OutboxHarness harness, StoreEventFeed feed) =>
        new(feed, harness.Writer, harness.Time, NullLogger<StoreEventsConsumer>.Instance);

    private static List<Guid> Drain(StoreEventSubscription subscription)
    {
        var ids = new List<Guid>();
        while (subscription.Events.TryRead(out var next))
        {
            ids.Add(next.Id);
        }

        return ids;
    }

    [Fact]
    public async Task RelayOnce_CrashBetweenPublishAndMark_RepublishedEventsReachTheFeedOnce()
    {
        await using var harness = new OutboxHarness();
        var feed = new StoreEventFeed(Options.Create(harness.Settings));
        using var watcher = feed.Subscribe(OutboxHarness.StoreId);
        var bus = harness.Bus();
        await using var subscription = bus.Subscribe(Consumer(harness, feed));
        var events = new[] { OutboxHarness.Event(), OutboxHarness.Event("cd-chunxi"), OutboxHarness.Event() };
        await harness.CommitAsync(events);
        harness.Store.FailWritesOf<MarkOutboxSent>();

        await Assert.ThrowsAsync<IOException>(() => harness.Relay(bus).RelayOnceAsync(CancellationToken.None));
        var firstDelivery = Drain(watcher);
        harness.Store.StopFailing();
        var relayedAgain = await harness.Relay(bus).RelayOnceAsync(CancellationToken.None);

        Assert.Equal([events[0].Id, events[2].Id], firstDelivery);
        Assert.Equal(3, relayedAgain);
        Assert.Empty(Drain(watcher));
        Assert.Empty(harness.Store.UnsentIds);
        Assert.All(events, e => Assert.True(harness.Store.InInbox(StoreEventsConsumer.ConsumerName, e.Id)));
    }

    [Fact]
    public async Task Restart_EventsLeftUnsent_NewRelaySendsThemAndTheInboxSkipsWhatWasHandled()
    {
        await using var harness = new OutboxHarness();
        var handled = OutboxHarness.Event();
        var notYetHandled = OutboxHarness.Event();
        await harness.CommitAsync(handled, notYetHandled);

        // The "previous process" handled one event and died before the relay marked anything sent.
        var before = new StoreEventFeed(Options.Create(harness.Settings));
        await Consumer(harness, before).HandleAsync([handled], CancellationToken.None);

        var after = new StoreEventFeed(Options.Create(harness.Settings));
        using var watcher = after.Subscribe(OutboxHarness.StoreId);
        var bus = harness.Bus();
        await using var subscription = bus.Subscribe(Consumer(harness, after));
        using var relay = harness.Relay(bus);
        await relay.StartAsync(CancellationToken.None);
        await TestWait.UntilAsync(() => harness.Store.UnsentIds.Count == 0);
        await relay.StopAsync(CancellationToken.None);

        Assert.Equal([notYetHandled.Id], Drain(watcher));
    }
}
