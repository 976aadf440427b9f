using Canteen.Engine.Outbox;
using Canteen.Engine.Tests.Support;
using Microsoft.Extensions.Options;
using Xunit;

namespace Canteen.Engine.Tests.Outbox;

public sealed class StoreEventFeedTests
{
    private static StoreEventFeed Feed(int capacity = 256) =>
        new(Options.Create(new OutboxOptions { WatcherBufferCapacity = capacity }));

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
    public void Publish_EventOfOneStore_ReachesOnlyThatStoresWatchers()
    {
        var feed = Feed();
        using var mine = feed.Subscribe(OutboxHarness.StoreId);
        using var alsoMine = feed.Subscribe(OutboxHarness.StoreId);
        using var other = feed.Subscribe(OutboxHarness.OtherStoreId);
        var outboxEvent = OutboxHarness.Event();

        feed.Publish(outboxEvent);

        Assert.Equal([outboxEvent.Id], Drain(mine));
        Assert.Equal([outboxEvent.Id], Drain(alsoMine));
        Assert.Empty(Drain(other));
    }

    [Fact]
    public async Task Publish_WatcherBufferFull_DropsOnlyThatWatcher()
    {
        var feed = Feed(capacity: 2);
        using var slow = feed.Subscribe(OutboxHarness.StoreId);
        using var fast = feed.Subscribe(OutboxHarness.StoreId);
        var events = new[] { OutboxHarness.Event(), OutboxHarness.Event(), OutboxHarness.Event() };
        var fastSaw = new List<Guid>();

        foreach (var outboxEvent in events)
        {
            feed.Publish(outboxEvent);
            fastSaw.AddRange(Drain(fast));
        }

        Assert.True(slow.WasDropped);
        Assert.True(slow.Dropped.IsCancellationRequested);
        Assert.Equal(events.Take(2).Select(e => e.Id), Drain(slow));
        await TestWait.Guarded(slow.Events.Completion);
        Assert.False(fast.WasDropped);
        Assert.Equal(events.Select(e => e.Id), fastSaw);
        Assert.Equal(1, feed.WatcherCount(OutboxHarness.StoreId));
    }

    [Fact]
    public void Dispose_Watcher_StopsReceiving()
    {
        var feed = Feed();
        var subscription = feed.Subscribe(OutboxHarness.StoreId);

        subscription.Dispose();
        feed.Publish(OutboxHarness.Event());

        Assert.Equal(0, feed.WatcherCount(OutboxHarness.StoreId));
        Assert.Empty(Drain(subscription));
        Assert.True(subscription.Events.Completion.IsCompleted);
    }
}
