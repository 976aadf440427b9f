using Canteen.Core.Inventory;
using Canteen.Core.Menu;
using Canteen.Core.Ordering;
using Canteen.Engine.Errors;
using Canteen.Engine.Ordering;
using Canteen.Engine.Storage;
using Canteen.Engine.Tests.Support;
using Xunit;
using static Canteen.Engine.Tests.Support.EngineHarness;

namespace Canteen.Engine.Tests.Ordering;

public sealed class OrderLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Places an order for three portions of braised pork and returns its id.</summary>
    private static async Task<long> PlacePorkAsync(EngineHarness h)
    {
        var command = new PlaceOrderCommand(StoreId, "guest-1", OrderType.Takeaway, null, null, [new LineRequest(Pork, 3, ["size-regular"], null)]);
        var outcome = await h.Handler.HandleAsync(command, null, Ct);
        return Assert.IsType<PlaceOrderOutcome.Placed>(outcome).Order.Id;
    }

    [Fact]
    public async Task Move_Cancel_CommitsThenReleasesTheHold()
    {
        await using var h = await StartAsync();
        var id = await PlacePorkAsync(h);
        h.Time.Advance(TimeSpan.FromMinutes(1));

        var cancelled = await h.Lifecycle.MoveAsync(id, OrderStatus.Cancelled, null, Ct).Guarded();

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal(2, cancelled.Version);
        Assert.Equal(TestOrders.Now.AddMinutes(1), cancelled.UpdatedAt);
        var stored = h.Orders.Snapshot(id)!;
        Assert.Equal(OrderStatus.Cancelled, stored.Status);
        Assert.Equal(2, stored.Version);
        Assert.Equal(HoldState.Released, h.Orders.HoldOf(id)!.State);
        Assert.Equal("OrderCancelled", h.Orders.Events[^1].Type);
        Assert.Equal(new StockLevel(Pork, PorkTotal, 0, 0), await h.LevelAsync(Pork));
    }

    [Fact]
    public async Task Move_Cancel_DoesNotReleaseBeforeTheChangeIsDurable()
    {
        await using var h = await StartAsync();
        var id = await PlacePorkAsync(h);
        h.Orders.Block();

        var moving = h.Lifecycle.MoveAsync(id, OrderStatus.Cancelled, null, Ct);
        await h.Orders.BlockedCommit.Guarded();

        Assert.Equal(new StockLevel(Pork, PorkTotal - 3, 3, 0), await h.LevelAsync(Pork));
        h.Orders.Unblock();
        await moving.Guarded();
        Assert.Equal(new StockLevel(Pork, PorkTotal, 0, 0), await h.LevelAsync(Pork));
    }

    [Fact]
    public async Task Move_ToPaid_ConfirmsTheHold()
    {
        await using var h = await StartAsync();
        var id = await PlacePorkAsync(h);

        await h.Lifecycle.MoveAsync(id, OrderStatus.Paying, 1, Ct).Guarded();
        var paid = await h.Lifecycle.MoveAsync(id, OrderStatus.Paid, 2, Ct).Guarded();

        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal(3, paid.Version);
        Assert.Equal(HoldState.Confirmed, h.Orders.HoldOf(id)!.State);
        Assert.Equal(new StockLevel(Pork, PorkTotal - 3, 0, 3), await h.LevelAsync(Pork));
    }

    [Fact]
    public async Task Move_IllegalTransition_ThrowsAndWritesNothing()
    {
        await using var h = await StartAsync();
        var id = await PlacePorkAsync(h);
        var batches = h.Orders.Batches.Count;

        var error = await Assert.ThrowsAsync<InvalidTransitionException>(() => h.Lifecycle.MoveAsync(id, OrderStatus.Preparing, null, Ct));

        Assert.Equal(OrderStatus.Created, error.From);
        Assert.Equal(OrderStatus.Preparing, error.To);
        Assert.Equal(batches, h.Orders.Batches.Count);
        Assert.Equal(1, h.Orders.Snapshot(id)!.Version);
        Assert.Equal(new StockLevel(Pork, PorkTotal - 3, 3, 0), await h.LevelAsync(Pork));
    }

    [Fact]
    public async Task Move_StaleExpectedVersion_PreconditionFailedAndNothingWritten()
    {
        await using var h = await StartAsync();
        var id = await PlacePorkAsync(h);
        var batches = h.Orders.Batches.Count;

        var error = await Assert.ThrowsAsync<FailureException>(() => h.Lifecycle.MoveAsync(id, OrderStatus.Cancelled, 5, Ct));

        Assert.Equal(FailureCodes.VersionConflict, error.Failure.Code);
        Assert.True(error.Failure.PreconditionFailed);
        Assert.Equal(batches, h.Orders.Batches.Count);
        Assert.Equal(OrderStatus.Created, h.Orders.Snapshot(id)!.Status);
        Assert.Equal(new StockLevel(Pork, PorkTotal - 3, 3, 0), await h.LevelAsync(Pork));
    }

    [Fact]
    public async Task Move_LosesARaceInStorage_VersionConflictWithoutPreconditionAndHoldKept()
    {
        await using var h = await StartAsync();
        var id = await PlacePorkAsync(h);
        h.Orders.Block();

        // The first move has read version 1 and is stuck committing; the second reads version 1 too and queues.
        var paying = h.Lifecycle.MoveAsync(id, OrderStatus.Paying, null, Ct);
        await h.Orders.BlockedCommit.Guarded();
        var cancelling = h.Lifecycle.MoveAsync(id, OrderStatus.Cancelled, null, Ct);
        Assert.Equal(1, h.Writer.QueueDepth);
        h.Orders.Unblock();

        Assert.Equal(OrderStatus.Paying, (await paying.Guarded()).Status);
        var error = await Assert.ThrowsAsync<FailureException>(() => cancelling.Guarded());
        Assert.Equal(FailureCodes.VersionConflict, error.Failure.Code);
        Assert.False(error.Failure.PreconditionFailed);
        Assert.Equal(OrderStatus.Paying, h.Orders.Snapshot(id)!.Status);
        Assert.Equal(HoldState.Held, h.Orders.HoldOf(id)!.State);
        Assert.Equal(new StockLevel(Pork, PorkTotal - 3, 3, 0), await h.LevelAsync(Pork));
    }

    [Fact]
    public async Task Move_UnknownOrder_NotFound()
    {
        await using var h = await StartAsync();

        var error = await Assert.ThrowsAsync<FailureException>(() => h.Lifecycle.MoveAsync(404, OrderStatus.Cancelled, null, Ct));

        Assert.Equal(FailureCodes.NotFound, error.Failure.Code);
        Assert.Empty(h.Orders.Batches);
    }

    [Fact]
    public async Task Get_UnknownOrder_NotFound()
    {
        await using var h = await StartAsync();

        var error = await Assert.ThrowsAsync<FailureException>(() => h.Lifecycle.GetAsync(404, Ct));

        Assert.Equal(FailureCodes.NotFound, error.Failure.Code);
    }

    [Fact]
    public async Task Get_PlacedOrder_ReturnsWhatWasStored()
    {
        await using var h = await StartAsync();
        var id = await PlacePorkAsync(h);

        var order = await h.Lifecycle.GetAsync(id, Ct);

        var stored = h.Orders.Snapshot(id)!;
        Assert.Equal(stored.Lines, order.Lines);
        Assert.Equal(stored with { Lines = order.Lines }, order.ToSnapshot() with { Lines = order.Lines });
    }
}
