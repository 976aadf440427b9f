using Canteen.Engine.Idempotency;
using Canteen.Engine.Ordering;
using Canteen.Engine.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Canteen.Engine.Tests.Idempotency;

public sealed class IdempotencyPrunerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PruneOnce_RecordsPastRetention_AreDeletedInBatchesAndNewerOnesStay()
    {
        var store = new InMemoryOrderStore();
        var time = new FakeTimeProvider(Start);
        for (var i = 0; i < 5; i++)
        {
            store.SeedIdempotency(Record($"old-{i}", Start.AddMinutes(i)));
        }

        store.SeedIdempotency(Record("recent", Start.AddDays(2)));
        await using var writer = Writer(store);
        time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));

        var commits = await Pruner(store, writer, time, new IdempotencyOptions { PruneBatchSize = 2 }).PruneOnceAsync(CancellationToken.None).Guarded();

        // Default retention two days: the five old records go, two per commit; the one from two days on stays.
        Assert.Equal(3, commits);
        Assert.Null(await store.FindAsync("guest:1", "old-0", CancellationToken.None));
        Assert.NotNull(await store.FindAsync("guest:1", "recent", CancellationToken.None));
    }

    [Fact]
    public async Task PruneOnce_RetentionZero_KeepsEverything()
    {
        var store = new InMemoryOrderStore();
        var time = new FakeTimeProvider(Start);
        store.SeedIdempotency(Record("old", Start));
        await using var writer = Writer(store);
        time.Advance(TimeSpan.FromDays(365));

        var commits = await Pruner(store, writer, time, new IdempotencyOptions { Retention = TimeSpan.Zero }).PruneOnceAsync(CancellationToken.None).Guarded();

        Assert.Equal(0, commits);
        Assert.NotNull(await store.FindAsync("guest:1", "old", CancellationToken.None));
    }

    private static IdempotencyRecord Record(string key, DateTimeOffset createdAt) => new("guest:1", key, "hash", 201, null, [1], createdAt);

    private static OrderWriter Writer(InMemoryOrderStore store)
    {
        var writer = new OrderWriter(store, Options.Create(new OrderingOptions()), NullLogger<OrderWriter>.Instance);
        writer.Start();
        return writer;
    }

    private static IdempotencyPruner Pruner(InMemoryOrderStore store, OrderWriter writer, TimeProvider time, IdempotencyOptions options) =>
        new(store, writer, time, Options.Create(options), NullLogger<IdempotencyPruner>.Instance);
}
