using Canteen.Core.Inventory;
using Canteen.Core.Menu;
using Canteen.Core.Ordering;
using Canteen.Engine.Ordering;
using Canteen.Engine.Storage;
using Canteen.Engine.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;
using static Canteen.Engine.Tests.Support.EngineHarness;

namespace Canteen.Engine.Tests.Ordering;

public sealed class ExpirySweeperTests
{
    // One sweep per fake minute; orders placed at the start expire after the default 15 minutes, i.e. on tick 15.
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExecuteAsync_BeforeDeadline_LeavesOrderAndHold()
    {
        await using var h = await StartAsync(o => o.ExpirySweepInterval = Interval);
        var id = await PlacePorkAsync(h);
        using var sweeper = await StartSweeperAsync(h);

        for (var tick = 1; tick < 15; tick++)
        {
            Assert.Equal(0, await TickAsync(h, sweeper));
        }

        Assert.Equal(OrderStatus.Created, h.Orders.Snapshot(id)!.Status);
        Assert.Equal(new StockLevel(Pork, PorkTotal - 3, 3, 0), await h.LevelAsync(Pork));
        await sweeper.StopAsync(Ct);
    }

    [Fact]
    public async Task ExecuteAsync_DeadlineReached_CancelsOrderAndReleasesHold()
    {
        await using var h = await StartAsync(o => o.ExpirySweepInterval = Interval);
        var id = await PlacePorkAsync(h);
        using var sweeper = await StartSweeperAsync(h);

        var cancelled = 0;
        for (var tick = 1; tick <= 15; tick++)
        {
            cancelled += await TickAsync(h, sweeper);
        }

        var stored = h.Orders.Snapshot(id)!;
        Assert.Equal(1, cancelled);
        Assert.Equal(OrderStatus.Cancelled, stored.Status);
        Assert.True(stored.UpdatedAt >= stored.PaymentDeadline);
        Assert.Equal(HoldState.Released, h.Orders.HoldOf(id)!.State);
        Assert.Equal(new StockLevel(Pork, PorkTotal, 0, 0), await h.LevelAsync(Pork));
        await sweeper.StopAsync(Ct);
    }

    [Fact]
    public async Task ExecuteAsync_OrderExpiredWhileStopped_CancelsOnFirstSweep()
    {
        await using var h = await StartAsync(o => o.ExpirySweepInterval = Interval);
        var id = await PlacePorkAsync(h);
        h.Time.Advance(TimeSpan.FromHours(3));

        var first = NextSweep(out var sweeper, h);
        await sweeper.StartAsync(Ct);

        Assert.Equal(1, await first.Guarded());
        Assert.Equal(OrderStatus.Cancelled, h.Orders.Snapshot(id)!.Status);
        Assert.Equal(new StockLevel(Pork, PorkTotal, 0, 0), await h.LevelAsync(Pork));
        await sweeper.StopAsync(Ct);
        sweeper.Dispose();
    }

    [Fact]
    public async Task ExecuteAsync_GuestPaysAtTheDeadline_IgnoresVersionConflictAndKeepsSweeping()
    {
        await using var h = await StartAsync(o => o.ExpirySweepInterval = Interval);
        var paid = await PlacePorkAsync(h);
        await h.Lifecycle.MoveAsync(paid, OrderStatus.Paying, null, Ct).Guarded();
        using var sweeper = await StartSweeperAsync(h);
        for (var tick = 1; tick < 15; tick++)
        {
            await TickAsync(h, sweeper);
        }

        // The guest's payment is being committed when the deadline passes: the sweeper reads the same version,
        // queues its cancel behind the payment, and loses.
        h.Orders.Block();
        var paying = h.Lifecycle.MoveAsync(paid, OrderStatus.Paid, null, Ct);
        await h.Orders.BlockedCommit.Guarded();
        var sweep = NextSweep(sweeper);
        h.Time.Advance(Interval);
        await TestWait.UntilAsync(() => h.Writer.QueueDepth == 1);
        h.Orders.Unblock();

        await paying.Guarded();
        Assert.Equal(0, await sweep.Guarded());
        Assert.Equal(OrderStatus.Paid, h.Orders.Snapshot(paid)!.Status);
        Assert.Equal(HoldState.Confirmed, h.Orders.HoldOf(paid)!.State);
        Assert.Equal(new StockLevel(Pork, PorkTotal - 3, 0, 3), await h.LevelAsync(Pork));

        var later = await PlacePorkAsync(h);
        var cancelled = 0;
        for (var tick = 1; tick <= 15; tick++)
        {
            cancelled += await TickAsync(h, sweeper);
        }

        Assert.Equal(1, cancelled);
        Assert.Equal(OrderStatus.Cancelled, h.Orders.Snapshot(later)!.Status);
        await sweeper.StopAsync(Ct);
    }

    [Fact]
    public async Task ExecuteAsync_LookupFails_KeepsRunningAndRetriesNextTick()
    {
        await using var h = await StartAsync(o => o.ExpirySweepInterval = Interval);
        var id = await PlacePorkAsync(h);
        h.Time.Advance(TimeSpan.FromMinutes(20));

        var first = NextSweep(out var sweeper, h, new FailingExpiryLookup(h.Orders, failures: 1));
        await sweeper.StartAsync(Ct);

        Assert.Equal(0, await first.Guarded());
        Assert.Equal(OrderStatus.Created, h.Orders.Snapshot(id)!.Status);
        Assert.Equal(1, await TickAsync(h, sweeper));
        Assert.Equal(OrderStatus.Cancelled, h.Orders.Snapshot(id)!.Status);
        await sweeper.StopAsync(Ct);
        sweeper.Dispose();
    }

    [Fact]
    public async Task ExecuteAsync_MoreExpiredThanTheGuestsQueueHolds_CancelsAllAndLeavesGuestsTheirPlaces()
    {
        // Guests may queue 4 writes and 40 orders expire while a commit is stuck. The sweeper's cancels are the system's
        // writes: they wait for the system's places, so none is shed (each used to take a guest's place and all but a
        // few got 503), and a guest ordering meanwhile is queued, not shed behind them.
        await using var h = await StartAsync(o =>
        {
            o.ExpirySweepInterval = Interval;
            o.WriterQueueCapacity = 4;
            o.ExpiryConcurrency = 40;
        });
        var ids = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add(await PlaceDumplingsAsync(h));
        }

        h.Time.Advance(TimeSpan.FromHours(1));
        h.Orders.Block();
        var committing = PlaceDumplingsAsync(h);
        await h.Orders.BlockedCommit.Guarded();
        var first = NextSweep(out var sweeper, h);
        await sweeper.StartAsync(Ct);
        await TestWait.UntilAsync(() => h.Writer.QueueDepth == 40);
        var queued = PlaceDumplingsAsync(h);
        await TestWait.UntilAsync(() => h.Writer.QueueDepth == 41);
        h.Orders.Unblock();

        Assert.Equal(OrderStatus.Created, h.Orders.Snapshot(await committing.Guarded())!.Status);
        Assert.Equal(OrderStatus.Created, h.Orders.Snapshot(await queued.Guarded())!.Status);
        Assert.Equal(40, await first.Guarded());
        Assert.All(ids, id => Assert.Equal(OrderStatus.Cancelled, h.Orders.Snapshot(id)!.Status));
        await sweeper.StopAsync(Ct);
        sweeper.Dispose();
    }

    [Fact]
    public async Task ExecuteAsync_ManyCancelsInFlight_ReadsAtMostSixteenOrdersAtOnce()
    {
        // A read holds a pooled database connection; with every cancel in flight reading at once, 256 of them took all
        // of PostgreSQL's 100 connections. The cancels still run 40 at a time, only their reads are bounded.
        await using var h = await StartAsync(o =>
        {
            o.ExpirySweepInterval = Interval;
            o.ExpiryConcurrency = 40;
        });
        var ids = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add(await PlaceDumplingsAsync(h));
        }

        h.Time.Advance(TimeSpan.FromHours(1));
        var reads = new SlowOrderReads(h.Orders);
        var lifecycle = new OrderLifecycle(reads, h.Writer, h.FollowUp, h.Time);
        using var sweeper = new ExpirySweeper(h.Orders, lifecycle, h.Time, Options.Create(h.Settings), NullLogger<ExpirySweeper>.Instance);
        var first = NextSweep(sweeper);
        await sweeper.StartAsync(Ct);

        Assert.Equal(40, await first.Guarded());
        Assert.InRange(reads.MostAtOnce, 1, 16);
        Assert.All(ids, id => Assert.Equal(OrderStatus.Cancelled, h.Orders.Snapshot(id)!.Status));
        await sweeper.StopAsync(Ct);
    }

    private static async Task<long> PlacePorkAsync(EngineHarness h)
    {
        var command = new PlaceOrderCommand(StoreId, "guest-1", OrderType.Takeaway, null, null, [new LineRequest(Pork, 3, ["size-regular"], null)]);
        var outcome = await h.Handler.HandleAsync(command, null, Ct);
        return Assert.IsType<PlaceOrderOutcome.Placed>(outcome).Order.Id;
    }

    private static async Task<long> PlaceDumplingsAsync(EngineHarness h)
    {
        var command = new PlaceOrderCommand(StoreId, "guest-1", OrderType.Takeaway, null, null, [new LineRequest(Dumplings, 1, [], null)]);
        var outcome = await h.Handler.HandleAsync(command, null, Ct);
        return Assert.IsType<PlaceOrderOutcome.Placed>(outcome).Order.Id;
    }

    /// <summary>Starts a sweeper on the harness and waits for its first sweep (the one every start-up makes).</summary>
    private static async Task<ExpirySweeper> StartSweeperAsync(EngineHarness h)
    {
        var first = NextSweep(out var sweeper, h);
        await sweeper.StartAsync(Ct);
        Assert.Equal(0, await first.Guarded());
        return sweeper;
    }

    /// <summary>Creates a sweeper and subscribes to its first sweep before it can start.</summary>
    private static Task<int> NextSweep(out ExpirySweeper sweeper, EngineHarness h, IOrderStore? store = null)
    {
        sweeper = new ExpirySweeper(store ?? h.Orders, h.Lifecycle, h.Time, Options.Create(h.Settings), NullLogger<ExpirySweeper>.Instance);
        return NextSweep(sweeper);
    }

    /// <summary>Completes with the number of orders cancelled by the next sweep to finish.</summary>
    private static Task<int> NextSweep(ExpirySweeper sweeper)
    {
        var next = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSwept(int cancelled)
        {
            sweeper.Swept -= OnSwept;
            next.TrySetResult(cancelled);
        }

        sweeper.Swept += OnSwept;
        return next.Task;
    }

    /// <summary>
    /// Moves the fake clock by exactly one interval, so the periodic timer fires once with the clock already at its
    /// new time, and waits for the sweep it triggers.
    /// </summary>
    private static async Task<int> TickAsync(EngineHarness h, ExpirySweeper sweeper)
    {
        var next = NextSweep(sweeper);
        h.Time.Advance(Interval);
        return await next.Guarded();
    }
}
