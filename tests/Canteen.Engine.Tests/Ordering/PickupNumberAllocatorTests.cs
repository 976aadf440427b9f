using Canteen.Core.Menu;
using Canteen.Core.Ordering;
using Canteen.Engine.Catalog;
using Canteen.Engine.Ordering;
using Canteen.Engine.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Canteen.Engine.Tests.Ordering;

public sealed class PickupNumberAllocatorTests
{
    private const string Shanghai = "sh-jingan";
    private const string Chengdu = "cd-chunxi";

    private static readonly IReadOnlyList<Store> Stores = DemoCatalog.Create().Stores;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<PickupNumberAllocator> StartedAsync(FakeTimeProvider time, InMemoryOrderStore store)
    {
        var allocator = new PickupNumberAllocator(time);
        await allocator.InitializeAsync(Stores, store, Ct);
        return allocator;
    }

    [Fact]
    public async Task Next_AfterRestart_ContinuesFromTheLastSequenceStoredToday()
    {
        var store = new InMemoryOrderStore();
        store.Seed(TestOrders.Create(1, Shanghai, pickupSequence: 40).ToSnapshot());
        store.Seed(TestOrders.Create(2, Shanghai, pickupSequence: 41).ToSnapshot());
        var allocator = await StartedAsync(new FakeTimeProvider(TestOrders.Now), store);

        var next = allocator.Next(Shanghai);

        Assert.Equal(new PickupNumber(TestOrders.Today, 42), next);
        Assert.Equal("A042", next.Display);
    }

    [Fact]
    public async Task Next_OnlyEarlierDaysStored_StartsAtOne()
    {
        var store = new InMemoryOrderStore();
        store.Seed(TestOrders.Create(1, Shanghai, pickupSequence: 300, businessDay: TestOrders.Today.AddDays(-1)).ToSnapshot());
        var allocator = await StartedAsync(new FakeTimeProvider(TestOrders.Now), store);

        Assert.Equal(new PickupNumber(TestOrders.Today, 1), allocator.Next(Shanghai));
    }

    [Fact]
    public async Task Next_EachStore_CountsOnItsOwn()
    {
        var store = new InMemoryOrderStore();
        store.Seed(TestOrders.Create(1, Shanghai, pickupSequence: 9).ToSnapshot());
        var allocator = await StartedAsync(new FakeTimeProvider(TestOrders.Now), store);

        Assert.Equal(10, allocator.Next(Shanghai).Sequence);
        Assert.Equal(1, allocator.Next(Chengdu).Sequence);
        Assert.Equal(11, allocator.Next(Shanghai).Sequence);
        Assert.Equal(2, allocator.Next(Chengdu).Sequence);
    }

    [Fact]
    public async Task Next_AfterLocalMidnight_StartsTheNewDayAtOne()
    {
        // 23:30 in Shanghai (UTC+8) on 2026-03-14.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 15, 30, 0, TimeSpan.Zero));
        var store = new InMemoryOrderStore();
        store.Seed(TestOrders.Create(1, Shanghai, pickupSequence: 41).ToSnapshot());
        var allocator = await StartedAsync(time, store);

        Assert.Equal(new PickupNumber(new DateOnly(2026, 3, 14), 42), allocator.Next(Shanghai));
        time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(new PickupNumber(new DateOnly(2026, 3, 14), 43), allocator.Next(Shanghai));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(new PickupNumber(new DateOnly(2026, 3, 15), 1), allocator.Next(Shanghai));
        Assert.Equal(new PickupNumber(new DateOnly(2026, 3, 15), 2), allocator.Next(Shanghai));
    }

    [Fact]
    public async Task Next_UnknownStore_Throws()
    {
        var allocator = await StartedAsync(new FakeTimeProvider(TestOrders.Now), new InMemoryOrderStore());

        Assert.Throws<InvalidOperationException>(() => allocator.Next("mars-base"));
    }

    [Fact]
    public async Task Next_ConcurrentCallers_NeverRepeatANumber()
    {
        var allocator = await StartedAsync(new FakeTimeProvider(TestOrders.Now), new InMemoryOrderStore());
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, 500).Select(_ => Task.Run(async () =>
        {
            await go.Task;
            return allocator.Next(Shanghai).Sequence;
        }, Ct)).ToArray();

        go.SetResult();
        var sequences = await Task.WhenAll(callers).Guarded();

        Assert.Equal(Enumerable.Range(1, 500), sequences.Order());
    }
}
