using Canteen.Engine.Idempotency;
using Canteen.Engine.Tests.Support;
using Xunit;

namespace Canteen.Engine.Tests.Idempotency;

public sealed class IdempotencyGateTests
{
    private const string Scope = "guest-1";
    private const string Key = "key-1";
    private const string Hash = "hash-a";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IdempotencyRecord Record(string hash = Hash) =>
        new(Scope, Key, hash, 201, "/api/v1/orders/1", [1, 2, 3], TestOrders.Now);

    [Fact]
    public async Task Start_FirstUse_Proceeds()
    {
        var gate = new IdempotencyGate(new InMemoryOrderStore());

        var start = await gate.StartAsync(Scope, Key, Hash, Ct);

        var lease = Assert.IsType<IdempotencyStart.Proceed>(start).Lease;
        Assert.Equal((Scope, Key, Hash), (lease.Scope, lease.Key, lease.RequestHash));
        var record = lease.ToRecord(201, "/x", [9], TestOrders.Now);
        Assert.Equal(new IdempotencyRecord(Scope, Key, Hash, 201, "/x", record.Body, TestOrders.Now), record);
    }

    [Fact]
    public async Task Start_WhileLeaseHeld_InProgress()
    {
        var gate = new IdempotencyGate(new InMemoryOrderStore());
        var first = await gate.StartAsync(Scope, Key, Hash, Ct);

        var second = await gate.StartAsync(Scope, Key, Hash, Ct);

        Assert.IsType<IdempotencyStart.Proceed>(first);
        Assert.IsType<IdempotencyStart.InProgress>(second);
    }

    [Fact]
    public async Task Start_SameKeyOtherScope_ProceedsIndependently()
    {
        var gate = new IdempotencyGate(new InMemoryOrderStore());
        await gate.StartAsync(Scope, Key, Hash, Ct);

        var other = await gate.StartAsync("guest-2", Key, Hash, Ct);

        Assert.IsType<IdempotencyStart.Proceed>(other);
    }

    [Fact]
    public async Task Start_AfterLeaseDisposedWithoutRecord_ProceedsAgain()
    {
        var gate = new IdempotencyGate(new InMemoryOrderStore());
        Assert.IsType<IdempotencyStart.Proceed>(await gate.StartAsync(Scope, Key, Hash, Ct)).Lease.Dispose();

        var again = await gate.StartAsync(Scope, Key, Hash, Ct);

        Assert.IsType<IdempotencyStart.Proceed>(again);
    }

    [Fact]
    public async Task Dispose_StaleLeaseTwice_DoesNotReleaseTheNextHoldersMark()
    {
        var gate = new IdempotencyGate(new InMemoryOrderStore());
        var stale = Assert.IsType<IdempotencyStart.Proceed>(await gate.StartAsync(Scope, Key, Hash, Ct)).Lease;
        stale.Dispose();
        Assert.IsType<IdempotencyStart.Proceed>(await gate.StartAsync(Scope, Key, Hash, Ct));

        stale.Dispose();

        Assert.IsType<IdempotencyStart.InProgress>(await gate.StartAsync(Scope, Key, Hash, Ct));
    }

    [Fact]
    public async Task Start_StoredRecordSameHash_ReplaysIt()
    {
        var store = new InMemoryOrderStore();
        var record = Record();
        store.SeedIdempotency(record);
        var gate = new IdempotencyGate(store);

        var first = await gate.StartAsync(Scope, Key, Hash, Ct);
        var second = await gate.StartAsync(Scope, Key, Hash, Ct);

        Assert.Same(record, Assert.IsType<IdempotencyStart.Replay>(first).Record);
        Assert.Same(record, Assert.IsType<IdempotencyStart.Replay>(second).Record);
    }

    [Fact]
    public async Task Start_StoredRecordOtherHash_KeyReused()
    {
        var store = new InMemoryOrderStore();
        store.SeedIdempotency(Record());
        var gate = new IdempotencyGate(store);

        var start = await gate.StartAsync(Scope, Key, "hash-b", Ct);

        Assert.IsType<IdempotencyStart.KeyReused>(start);
        Assert.IsType<IdempotencyStart.Replay>(await gate.StartAsync(Scope, Key, Hash, Ct));
    }

    [Fact]
    public async Task Start_StoreThrows_PropagatesAndReleasesTheInFlightMark()
    {
        var store = new InMemoryOrderStore { FailIdempotencyReads = true };
        var gate = new IdempotencyGate(store);

        await Assert.ThrowsAsync<IOException>(() => gate.StartAsync(Scope, Key, Hash, Ct));

        store.FailIdempotencyReads = false;
        Assert.IsType<IdempotencyStart.Proceed>(await gate.StartAsync(Scope, Key, Hash, Ct));
    }

    [Fact]
    public async Task Start_ManyConcurrentFirstUses_ExactlyOneProceeds()
    {
        var gate = new IdempotencyGate(new InMemoryOrderStore());
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var starts = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            await go.Task;
            return await gate.StartAsync(Scope, Key, Hash, Ct);
        }, Ct)).ToArray();

        go.SetResult();
        var results = await Task.WhenAll(starts).Guarded();

        Assert.Single(results.OfType<IdempotencyStart.Proceed>());
        Assert.Equal(31, results.OfType<IdempotencyStart.InProgress>().Count());
    }
}
