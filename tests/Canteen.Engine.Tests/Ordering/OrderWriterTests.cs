using System.Collections.Concurrent;
using Canteen.Core.Ordering;
using Canteen.Engine.Errors;
using Canteen.Engine.Ordering;
using Canteen.Engine.Storage;
using Canteen.Engine.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Canteen.Engine.Tests.Ordering;

public sealed class OrderWriterTests
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(3);

    private static OrderWriter Writer(
        InMemoryOrderStore store, int capacity = 4096, int maxBatch = 256, TimeSpan? linger = null, int systemCapacity = 1024)
    {
        var options = new OrderingOptions
        {
            WriterQueueCapacity = capacity,
            WriterSystemQueueCapacity = systemCapacity,
            WriterMaxBatch = maxBatch,
            OverloadRetryAfter = RetryAfter,
            BookkeepingLinger = linger ?? TimeSpan.FromMilliseconds(2),
        };
        var writer = new OrderWriter(store, Options.Create(options), NullLogger<OrderWriter>.Instance);
        writer.Start();
        return writer;
    }

    /// <summary>Blocks the store and waits until the writer is stuck committing <paramref name="first"/>.</summary>
    private static async Task<Task<WriteOutcome>> JamAsync(InMemoryOrderStore store, OrderWriter writer, StorageWrite first)
    {
        store.Block();
        var outcome = writer.SubmitAsync(first);
        await store.BlockedCommit.Guarded();
        return outcome;
    }

    [Fact]
    public async Task Submit_SingleWrite_CompletesWhenCommitted()
    {
        var store = new InMemoryOrderStore();
        await using var writer = Writer(store);

        var outcome = await writer.SubmitAsync(TestOrders.Insert(1)).Guarded();

        Assert.Equal(WriteOutcome.Committed, outcome);
        Assert.NotNull(store.Snapshot(1));
    }

    [Fact]
    public async Task Submit_ManyConcurrentCallersWhileStoreBlocked_GroupsThemAndAnswersEachWithItsOwnOutcome()
    {
        const int Callers = 500;
        var store = new InMemoryOrderStore();
        for (var id = 10_001L; id <= 10_020; id++)
        {
            store.Seed(TestOrders.Create(id).ToSnapshot());
        }

        var committedSizes = new ConcurrentQueue<int>();
        await using var writer = Writer(store);
        writer.BatchCommitted += committedSizes.Enqueue;
        var first = await JamAsync(store, writer, TestOrders.Insert(1));

        // Callers 0..19 update a seeded order: even ones with the version they read, odd ones with a stale one.
        // Caller 20 updates an order that does not exist. Everyone else inserts a new order.
        StorageWrite WriteOf(int caller) => caller switch
        {
            < 20 => TestOrders.StartPaying(store.Snapshot(10_001 + caller)!, caller % 2 == 0 ? 1 : 7),
            20 => TestOrders.StartPaying(TestOrders.Create(99_999).ToSnapshot(), 1),
            _ => TestOrders.Insert(100 + caller),
        };
        WriteOutcome Expected(int caller) => caller switch
        {
            < 20 => caller % 2 == 0 ? WriteOutcome.Committed : WriteOutcome.VersionConflict,
            20 => WriteOutcome.NotFound,
            _ => WriteOutcome.Committed,
        };

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var submissions = Enumerable.Range(0, Callers - 1).Select(caller => Task.Run(async () =>
        {
            await go.Task;
            return (Caller: caller, Outcome: writer.SubmitAsync(WriteOf(caller)));
        }, TestContext.Current.CancellationToken)).ToArray();
        go.SetResult();
        var queued = await Task.WhenAll(submissions).Guarded();
        Assert.Equal(Callers - 1, writer.QueueDepth);

        store.Unblock();

        Assert.Equal(WriteOutcome.Committed, await first.Guarded());
        foreach (var (caller, outcome) in queued)
        {
            Assert.Equal(Expected(caller), await outcome.Guarded());
        }

        var sizes = store.Batches.Select(b => b.Count).ToList();
        Assert.Equal(Callers, sizes.Sum());
        Assert.Contains(sizes, size => size > 1);
        Assert.All(sizes, size => Assert.InRange(size, 1, 256));
        Assert.Equal(3, sizes.Count);
        // Seeded orders, plus the first write, plus every caller past the 21 updates inserted one.
        Assert.Equal(20 + 1 + (Callers - 1 - 21), store.OrderCount);
        Assert.Equal(OrderStatus.Paying, store.Snapshot(10_001)!.Status);
        Assert.Equal(OrderStatus.Created, store.Snapshot(10_002)!.Status);

        await writer.DisposeAsync();
        Assert.Equal(sizes, committedSizes);
    }

    [Fact]
    public async Task Submit_QueuedWrites_NeverExceedMaxBatch()
    {
        var store = new InMemoryOrderStore();
        await using var writer = Writer(store, maxBatch: 8);
        var first = await JamAsync(store, writer, TestOrders.Insert(1));
        var rest = Enumerable.Range(2, 40).Select(id => writer.SubmitAsync(TestOrders.Insert(id))).ToList();

        store.Unblock();
        await Task.WhenAll([first, .. rest]).Guarded();

        var sizes = store.Batches.Select(b => b.Count).ToList();
        Assert.Equal([1, 8, 8, 8, 8, 8], sizes);
        Assert.Equal(41, store.OrderCount);
    }

    [Fact]
    public async Task Submit_OneBadWriteInABatch_OnlyThatCallerFailsAndTheOthersCommit()
    {
        var store = new InMemoryOrderStore();
        await using var writer = Writer(store);
        var first = await JamAsync(store, writer, TestOrders.Insert(1));
        store.FailCommitsContaining(5);
        var rest = Enumerable.Range(2, 8).ToDictionary(id => (long)id, id => writer.SubmitAsync(TestOrders.Insert(id)));

        store.Unblock();

        Assert.Equal(WriteOutcome.Committed, await first.Guarded());
        await Assert.ThrowsAsync<IOException>(() => rest[5].Guarded());
        foreach (var (id, outcome) in rest.Where(r => r.Key != 5))
        {
            Assert.Equal(WriteOutcome.Committed, await outcome.Guarded());
            Assert.NotNull(store.Snapshot(id));
        }

        Assert.Null(store.Snapshot(5));
        Assert.Equal(8, store.OrderCount);
        // The whole batch was tried once, then each of its writes alone.
        Assert.Equal([1, 8, 1, 1, 1, 1, 1, 1, 1, 1], store.Batches.Select(b => b.Count));
    }

    [Fact]
    public async Task Submit_AfterAFailedWrite_WriterKeepsWorking()
    {
        var store = new InMemoryOrderStore();
        await using var writer = Writer(store);
        store.FailAllCommits();
        await Assert.ThrowsAsync<IOException>(() => writer.SubmitAsync(TestOrders.Insert(1)).Guarded());

        store.StopFailing();
        var outcome = await writer.SubmitAsync(TestOrders.Insert(2)).Guarded();

        Assert.Equal(WriteOutcome.Committed, outcome);
        Assert.Null(store.Snapshot(1));
        Assert.NotNull(store.Snapshot(2));
    }

    [Fact]
    public async Task Submit_QueueFull_ThrowsOverloadedAtOnce()
    {
        var store = new InMemoryOrderStore();
        await using var writer = Writer(store, capacity: 4);
        var first = await JamAsync(store, writer, TestOrders.Insert(1));
        var accepted = Enumerable.Range(2, 4).Select(id => writer.SubmitAsync(TestOrders.Insert(id))).ToList();
        Assert.Equal(4, writer.QueueDepth);

        // SubmitAsync throws synchronously: the caller is refused before anything waits.
        var error = Assert.Throws<FailureException>(() => { _ = writer.SubmitAsync(TestOrders.Insert(6)); });

        Assert.Equal(FailureCodes.Overloaded, error.Failure.Code);
        Assert.Equal(RetryAfter, error.Failure.RetryAfter);
        store.Unblock();
        Assert.All(await Task.WhenAll([first, .. accepted]).Guarded(), o => Assert.Equal(WriteOutcome.Committed, o));
        Assert.Null(store.Snapshot(6));
        Assert.Equal(WriteOutcome.Committed, await writer.SubmitAsync(TestOrders.Insert(7)).Guarded());
    }

    [Fact]
    public async Task SubmitWaiting_SystemWrites_HaveTheirOwnPlacesAndWaitWhenTheyAreFull()
    {
        var store = new InMemoryOrderStore();
        await using var writer = Writer(store, capacity: 2, systemCapacity: 3);
        var first = await JamAsync(store, writer, TestOrders.Insert(1));
        var system = Enumerable.Range(0, 3)
            .Select(i => writer.SubmitWaitingAsync(new SetStockTotal("sh-jingan", "braised-pork", 80 + i), TestContext.Current.CancellationToken))
            .ToList();

        // Three system writes queued, and both guests' places are still free; a third guest is shed.
        var guests = new[] { writer.SubmitAsync(TestOrders.Insert(2)), writer.SubmitAsync(TestOrders.Insert(3)) };
        Assert.Throws<FailureException>(() => { _ = writer.SubmitAsync(TestOrders.Insert(4)); });
        // A fourth system write is not shed: it waits for a place and is queued once the loop takes some out.
        var waiting = writer.SubmitWaitingAsync(new SetStockTotal("sh-jingan", "braised-pork", 90), TestContext.Current.CancellationToken);
        Assert.Equal(5, writer.QueueDepth);
        store.Unblock();

        Assert.All(await Task.WhenAll([first, .. guests, .. system, waiting]).Guarded(), o => Assert.Equal(WriteOutcome.Committed, o));
        Assert.Equal(90, store.TotalOf("sh-jingan", "braised-pork"));
        Assert.Null(store.Snapshot(4));
    }

    [Fact]
    public async Task DisposeAsync_WithQueuedWrites_CompletesEveryAcceptedWriteBeforeReturning()
    {
        var store = new InMemoryOrderStore();
        var writer = Writer(store);
        var first = await JamAsync(store, writer, TestOrders.Insert(1));
        var rest = Enumerable.Range(2, 20).Select(id => writer.SubmitAsync(TestOrders.Insert(id))).ToList();

        var disposing = writer.DisposeAsync().AsTask();
        Assert.False(disposing.IsCompleted);
        store.Unblock();
        await disposing.Guarded();

        Assert.True(first.IsCompletedSuccessfully);
        Assert.All(rest, outcome => Assert.True(outcome.IsCompletedSuccessfully));
        Assert.Equal(21, store.OrderCount);
    }

    [Fact]
    public async Task Submit_SetStockTotal_IsCommitted()
    {
        var store = new InMemoryOrderStore();
        await using var writer = Writer(store);

        var outcome = await writer.SubmitAsync(new SetStockTotal("sh-jingan", "braised-pork", 80)).Guarded();

        Assert.Equal(WriteOutcome.Committed, outcome);
        Assert.Equal(80, store.TotalOf("sh-jingan", "braised-pork"));
    }

    [Fact]
    public async Task SubmitWaiting_AloneThenAnOrderWithinTheLinger_BothShareOneCommit()
    {
        var store = new InMemoryOrderStore();
        await using var writer = Writer(store, linger: TimeSpan.FromSeconds(30));

        var bookkeeping = writer.SubmitWaitingAsync(new SetStockTotal("sh-jingan", "braised-pork", 80), TestContext.Current.CancellationToken);
        await TestWait.UntilAsync(() => writer.QueueDepth == 0); // the loop has taken it and is lingering
        var order = writer.SubmitAsync(TestOrders.Insert(1));

        // The order ends the linger at once (the guard is half the linger), and both ride one commit.
        Assert.Equal(WriteOutcome.Committed, await order.Guarded());
        Assert.Equal(WriteOutcome.Committed, await bookkeeping.Guarded());
        var batch = Assert.Single(store.Batches);
        Assert.Equal(2, batch.Count);
    }

    [Fact]
    public async Task SubmitWaiting_NothingElseComes_CommitsAloneAfterTheLinger()
    {
        var store = new InMemoryOrderStore();
        await using var writer = Writer(store, linger: TimeSpan.FromMilliseconds(50));

        var outcome = await writer.SubmitWaitingAsync(new SetStockTotal("sh-jingan", "braised-pork", 80), TestContext.Current.CancellationToken).Guarded();

        Assert.Equal(WriteOutcome.Committed, outcome);
        Assert.Single(Assert.Single(store.Batches));
    }

    [Fact]
    public async Task SubmitWaiting_LingerZero_CommitsAtOnceWithoutCompany()
    {
        var store = new InMemoryOrderStore();
        await using var writer = Writer(store, linger: TimeSpan.Zero);

        await writer.SubmitWaitingAsync(new SetStockTotal("sh-jingan", "braised-pork", 80), TestContext.Current.CancellationToken).Guarded();
        await writer.SubmitAsync(TestOrders.Insert(1)).Guarded();

        Assert.Equal([1, 1], store.Batches.Select(b => b.Count));
    }

    [Fact]
    public async Task Submit_GuestWriteAlone_NeverLingers()
    {
        var store = new InMemoryOrderStore();
        await using var writer = Writer(store, linger: TimeSpan.FromSeconds(30));

        // Would outlast the 15 s guard if a guest's write waited for company like bookkeeping does.
        var outcome = await writer.SubmitAsync(TestOrders.Insert(1)).Guarded();

        Assert.Equal(WriteOutcome.Committed, outcome);
    }
}
