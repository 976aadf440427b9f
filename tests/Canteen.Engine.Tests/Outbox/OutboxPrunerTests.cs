using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;
using Canteen.Engine.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Canteen.Engine.Tests.Outbox;

public sealed class OutboxPrunerTests
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    [Fact]
    public async Task PruneOnce_SentEventsPastRetention_AreDeletedWithTheirInboxRecordsInBatches()
    {
        await using var harness = new OutboxHarness(new OutboxOptions { Retention = Retention, PruneBatchSize = 2 });
        var consumer = new CountingInboxConsumer(harness.Writer, harness.Time);
        var old = Enumerable.Range(0, 5).Select(_ => OutboxHarness.Event()).ToArray();
        var oldUnsent = OutboxHarness.Event();
        var recent = OutboxHarness.Event() with { OccurredAt = OutboxHarness.Start + Retention };
        await harness.CommitAsync([.. old, oldUnsent, recent]);
        await TestWait.Guarded(consumer.HandleAsync([.. old, recent], CancellationToken.None));
        await harness.Writer.SubmitWaitingAsync(new MarkOutboxSent([.. old.Select(e => e.Id), recent.Id], harness.Time.GetUtcNow()), CancellationToken.None).Guarded();
        harness.Time.Advance(Retention + TimeSpan.FromSeconds(1));

        var commits = await Pruner(harness, consumer).PruneOnceAsync(CancellationToken.None).Guarded();

        // Five old sent events, at most two per commit; the unsent one stays whatever its age, and so does the recent one.
        Assert.Equal(3, commits);
        Assert.Equal([oldUnsent.Id, recent.Id], harness.Store.StoredIds);
        Assert.All(old, e => Assert.False(harness.Store.InInbox(CountingInboxConsumer.ConsumerName, e.Id)));
        Assert.True(harness.Store.InInbox(CountingInboxConsumer.ConsumerName, recent.Id));
        Assert.Equal(0, await Pruner(harness, consumer).PruneOnceAsync(CancellationToken.None).Guarded());
    }

    [Fact]
    public async Task PruneOnce_RetentionZero_KeepsEverything()
    {
        await using var harness = new OutboxHarness(new OutboxOptions { Retention = TimeSpan.Zero });
        var consumer = new CountingInboxConsumer(harness.Writer, harness.Time);
        var sent = OutboxHarness.Event();
        await harness.CommitAsync(sent);
        await harness.Writer.SubmitWaitingAsync(new MarkOutboxSent([sent.Id], harness.Time.GetUtcNow()), CancellationToken.None).Guarded();
        harness.Time.Advance(TimeSpan.FromDays(365));

        Assert.Equal(0, await Pruner(harness, consumer).PruneOnceAsync(CancellationToken.None).Guarded());
        Assert.Equal([sent.Id], harness.Store.StoredIds);
    }

    [Fact]
    public void Floor_SortsBetweenVersion7IdsOfEarlierAndLaterMilliseconds()
    {
        var at = new DateTimeOffset(2026, 11, 24, 12, 0, 0, 500, TimeSpan.Zero);
        var floor = OutboxEventIds.Floor(at);

        // As text (SQLite stores the "D" form) and as bytes in RFC order (PostgreSQL's uuid comparison).
        foreach (var (id, below) in new[] { (Guid.CreateVersion7(at.AddMilliseconds(-1)), true), (Guid.CreateVersion7(at), false), (Guid.CreateVersion7(at.AddMilliseconds(1)), false) })
        {
            Assert.Equal(below, string.CompareOrdinal(id.ToString("D"), floor.ToString("D")) < 0);
            Assert.Equal(below, id.ToByteArray(bigEndian: true).AsSpan().SequenceCompareTo(floor.ToByteArray(bigEndian: true)) < 0);
        }
    }

    private static OutboxPruner Pruner(OutboxHarness harness, IEventConsumer consumer) =>
        new(harness.Store, harness.Writer, [consumer], harness.Time, Options.Create(harness.Settings), NullLogger<OutboxPruner>.Instance);
}
