using Canteen.Engine.Storage;
using Canteen.Integration.Tests.Support;

namespace Canteen.Integration.Tests.Storage;

public abstract partial class StorageContractTests<TStorage>
{
    [Fact]
    public async Task FindAsync_StoredIdempotencyRecord_RoundTripsEveryField()
    {
        var storage = await OpenAsync();
        var full = TestOrders.Idempotency("key-1", body: [0x7B, 0x00, 0xFF, 0x7D]);
        var bare = TestOrders.Idempotency("key-2", body: [], location: null);

        await CommitAsync(storage, TestOrders.Insert(TestOrders.Create(1), idempotency: full), TestOrders.Insert(TestOrders.Create(2), idempotency: bare));

        foreach (var expected in new[] { full, bare })
        {
            var found = await FindRecordAsync(storage, expected.Scope, expected.Key);
            Assert.NotNull(found);
            Assert.Equal(expected.Body, found.Body);
            Assert.Equal(expected with { Body = found.Body }, found);
            Assert.Equal(expected.CreatedAt.UtcTicks, found.CreatedAt.UtcTicks);
        }
    }

    [Fact]
    public async Task FindAsync_UnknownKeyOrOtherScope_ReturnsNull()
    {
        var storage = await OpenAsync();
        var record = TestOrders.Idempotency("key-1");
        await CommitAsync(storage, TestOrders.Insert(TestOrders.Create(1), idempotency: record));

        Assert.Null(await FindRecordAsync(storage, record.Scope, "key-2"));
        Assert.Null(await FindRecordAsync(storage, "guest-2", record.Key));
    }

    [Fact]
    public async Task FindAsync_ManyLookupsAtOnce_EachGetsTheRecordOfItsOwnKey()
    {
        var storage = await OpenAsync();
        var stored = Enumerable.Range(0, 40).Where(i => i % 2 == 0)
            .Select(i => TestOrders.Idempotency($"key-{i}", body: [(byte)i])).ToList();
        await CommitAsync(storage, [.. stored.Select((r, i) => TestOrders.Insert(TestOrders.Create(i + 1), idempotency: r))]);

        // Every key twice, stored and unknown ones interleaved, all in flight together.
        var keys = Enumerable.Range(0, 40).Concat(Enumerable.Range(0, 40)).Select(i => $"key-{i}").ToList();
        var found = await Task.WhenAll(keys.Select(k => storage.FindAsync(stored[0].Scope, k, Ct)));

        for (var i = 0; i < keys.Count; i++)
        {
            var number = int.Parse(keys[i][4..], System.Globalization.CultureInfo.InvariantCulture);
            if (number % 2 == 0)
            {
                Assert.Equal(keys[i], found[i]?.Key);
                Assert.Equal([(byte)number], found[i]!.Body);
            }
            else
            {
                Assert.Null(found[i]);
            }
        }
    }

    [Fact]
    public async Task FindAsync_CancelledCaller_ThrowsWhileOthersStillGetTheirAnswer()
    {
        var storage = await OpenAsync();
        var record = TestOrders.Idempotency("key-1");
        await CommitAsync(storage, TestOrders.Insert(TestOrders.Create(1), idempotency: record));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var gaveUp = storage.FindAsync(record.Scope, record.Key, cancelled.Token);
        var waited = storage.FindAsync(record.Scope, record.Key, Ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);
        Assert.Equal(record.Key, (await waited)?.Key);
    }

    [Fact]
    public async Task CommitAsync_PruneIdempotency_DeletesOnlyRecordsCreatedBeforeTheCutOffOldestFirst()
    {
        var storage = await OpenAsync();
        var cutOff = TestOrders.Now.AddDays(2);
        var old = Enumerable.Range(1, 3).Select(i => TestOrders.Idempotency($"old-{i}") with { CreatedAt = TestOrders.Now.AddMinutes(i) }).ToList();
        var recent = TestOrders.Idempotency("recent") with { CreatedAt = cutOff };
        await CommitAsync(storage, [.. old.Append(recent).Select((r, i) => TestOrders.Insert(TestOrders.Create(i + 1), idempotency: r))]);
        var before = await storage.AnyCreatedBeforeAsync(cutOff, Ct);

        var outcomes = await CommitAsync(storage, new PruneIdempotency(cutOff, 2));
        var afterFirst = await storage.AnyCreatedBeforeAsync(cutOff, Ct);
        var oldestGone = await FindRecordAsync(storage, old[0].Scope, old[0].Key);
        var youngestOldKept = await FindRecordAsync(storage, old[2].Scope, old[2].Key);
        await CommitAsync(storage, new PruneIdempotency(cutOff, 2));

        Assert.True(before);
        Assert.Equal([WriteOutcome.Committed], outcomes);
        Assert.True(afterFirst);
        Assert.Null(oldestGone);
        Assert.NotNull(youngestOldKept); // two per commit, oldest first
        Assert.False(await storage.AnyCreatedBeforeAsync(cutOff, Ct));
        Assert.Null(await FindRecordAsync(storage, old[2].Scope, old[2].Key));
        Assert.NotNull(await FindRecordAsync(storage, recent.Scope, recent.Key));
    }
}
