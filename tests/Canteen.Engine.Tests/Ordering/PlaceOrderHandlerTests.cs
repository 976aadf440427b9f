using Canteen.Core.Inventory;
using Canteen.Core.Menu;
using Canteen.Core.Ordering;
using Canteen.Core.Shared;
using Canteen.Engine.Errors;
using Canteen.Engine.Idempotency;
using Canteen.Engine.Ordering;
using Canteen.Engine.Storage;
using Canteen.Engine.Tests.Support;
using Xunit;
using static Canteen.Engine.Tests.Support.EngineHarness;

namespace Canteen.Engine.Tests.Ordering;

public sealed class PlaceOrderHandlerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LineRequest PorkLine(int quantity, string size = "size-regular") => new(Pork, quantity, [size], null);

    private static LineRequest DuckLine(int quantity) => new(Duck, quantity, [], null);

    private static LineRequest DumplingsLine(int quantity) => new(Dumplings, quantity, [], null);

    private static PlaceOrderCommand Command(params LineRequest[] lines) =>
        new(StoreId, "guest-1", OrderType.Takeaway, null, null, lines);

    private static Order AssertPlaced(PlaceOrderOutcome outcome) =>
        Assert.IsType<PlaceOrderOutcome.Placed>(outcome).Order;

    private static Failure AssertRefused(PlaceOrderOutcome outcome, string code)
    {
        var failure = Assert.IsType<PlaceOrderOutcome.Refused>(outcome).Failure;
        Assert.Equal(code, failure.Code);
        return failure;
    }

    [Fact]
    public async Task Handle_ValidOrder_PlacesItWithHoldsForLimitedLinesOnly()
    {
        await using var h = await StartAsync();

        var order = AssertPlaced(await h.Handler.HandleAsync(Command(PorkLine(2, "size-large"), DumplingsLine(3)), null, Ct));

        Assert.Equal(OrderStatus.Created, order.Status);
        Assert.Equal(1, order.Version);
        Assert.Equal("A001", order.Pickup.Display);
        Assert.Equal(new Money((2 * (5800 + 500)) + (3 * 3200), "CNY"), order.Total);
        Assert.Equal(TestOrders.Now + h.Settings.PaymentTimeout, order.PaymentDeadline);
        var stored = Assert.IsType<OrderSnapshot>(h.Orders.Snapshot(order.Id));
        Assert.Equal(order.ToSnapshot().Lines, stored.Lines);
        var hold = Assert.IsType<StoredHold>(h.Orders.HoldOf(order.Id));
        Assert.Equal([new HoldLine(Pork, 2)], hold.Lines);
        Assert.Equal(HoldState.Held, hold.State);
        Assert.Equal("OrderCreated", Assert.Single(h.Orders.Events).Type);
        Assert.Equal(new StockLevel(Pork, PorkTotal - 2, 2, 0), await h.LevelAsync(Pork));
    }

    [Fact]
    public async Task Handle_OnlyUnlimitedDishes_PlacesOrderWithoutHolds()
    {
        await using var h = await StartAsync();

        var order = AssertPlaced(await h.Handler.HandleAsync(Command(DumplingsLine(2)), null, Ct));

        Assert.NotNull(h.Orders.Snapshot(order.Id));
        Assert.Null(h.Orders.HoldOf(order.Id));
        var insert = Assert.IsType<InsertOrder>(Assert.Single(Assert.Single(h.Orders.Batches)));
        Assert.Empty(insert.Holds);
    }

    [Fact]
    public async Task Handle_TwoOrders_GetConsecutivePickupNumbersAndDistinctIds()
    {
        await using var h = await StartAsync();

        var first = AssertPlaced(await h.Handler.HandleAsync(Command(DumplingsLine(1)), null, Ct));
        var second = AssertPlaced(await h.Handler.HandleAsync(Command(PorkLine(1)), null, Ct));

        Assert.Equal("A001", first.Pickup.Display);
        Assert.Equal("A002", second.Pickup.Display);
        Assert.True(second.Id > first.Id);
    }

    [Fact]
    public async Task Handle_LimitedDishShort_RefusedSoldOutAndNothingWritten()
    {
        await using var h = await StartAsync();

        var outcome = await h.Handler.HandleAsync(Command(PorkLine(2), DuckLine(DuckTotal + 1)), null, Ct);

        var failure = AssertRefused(outcome, FailureCodes.SoldOut);
        Assert.Equal([Duck], failure.DishIds);
        Assert.Empty(h.Orders.Batches);
        Assert.Equal(new StockLevel(Pork, PorkTotal, 0, 0), await h.LevelAsync(Pork));
        Assert.Equal(new StockLevel(Duck, DuckTotal, 0, 0), await h.LevelAsync(Duck));
    }

    [Fact]
    public async Task Handle_RefusedOrder_DoesNotUseAPickupNumber()
    {
        await using var h = await StartAsync();
        AssertRefused(await h.Handler.HandleAsync(Command(DuckLine(DuckTotal + 1)), null, Ct), FailureCodes.SoldOut);

        var order = AssertPlaced(await h.Handler.HandleAsync(Command(DuckLine(1)), null, Ct));

        Assert.Equal("A001", order.Pickup.Display);
    }

    public static TheoryData<string> MalformedCommands => ["no lines", "too many lines", "quantity 0", "quantity 100", "dine-in without table"];

    [Theory]
    [MemberData(nameof(MalformedCommands))]
    public async Task Handle_MalformedCommand_RefusedValidationFailedNotUnprocessable(string malformed)
    {
        await using var h = await StartAsync(o => o.MaxLines = 5);
        var command = malformed switch
        {
            "no lines" => Command(),
            "too many lines" => Command([.. Enumerable.Repeat(DumplingsLine(1), 6)]),
            "quantity 0" => Command(PorkLine(1), PorkLine(0)),
            "quantity 100" => Command(PorkLine(100)),
            "dine-in without table" => Command(PorkLine(1)) with { Type = OrderType.DineIn, Table = " " },
            _ => throw new ArgumentOutOfRangeException(nameof(malformed)),
        };

        var failure = AssertRefused(await h.Handler.HandleAsync(command, null, Ct), FailureCodes.ValidationFailed);

        Assert.False(failure.Unprocessable);
        Assert.NotEmpty(failure.Errors!);
        Assert.Empty(h.Orders.Batches);
        Assert.Equal(new StockLevel(Pork, PorkTotal, 0, 0), await h.LevelAsync(Pork));
    }

    [Fact]
    public async Task Handle_DineInWithTable_IsPlaced()
    {
        await using var h = await StartAsync();

        var order = AssertPlaced(await h.Handler.HandleAsync(Command(PorkLine(1)) with { Type = OrderType.DineIn, Table = "T12" }, null, Ct));

        Assert.Equal("T12", order.Table);
    }

    public static TheoryData<string, string[]> UnprocessableLines => new()
    {
        { "unicorn-steak", [] },
        { Pork, ["size-huge"] },
        { Pork, [] },
        { Pork, ["size-regular", "size-large"] },
        { "chongqing-xiaomian", ["spice-mild", "size-regular"] },
    };

    [Theory]
    [MemberData(nameof(UnprocessableLines))]
    public async Task Handle_UnknownDishOrOption_RefusedValidationFailedUnprocessable(string dishId, string[] optionIds)
    {
        await using var h = await StartAsync();

        var outcome = await h.Handler.HandleAsync(Command(DuckLine(1), new LineRequest(dishId, 1, optionIds, null)), null, Ct);

        var failure = AssertRefused(outcome, FailureCodes.ValidationFailed);
        Assert.True(failure.Unprocessable);
        Assert.Empty(h.Orders.Batches);
        Assert.Equal(new StockLevel(Duck, DuckTotal, 0, 0), await h.LevelAsync(Duck));
    }

    [Fact]
    public async Task Handle_UnknownStore_RefusedNotFound()
    {
        await using var h = await StartAsync();

        var outcome = await h.Handler.HandleAsync(Command(PorkLine(1)) with { StoreId = "mars-base" }, null, Ct);

        AssertRefused(outcome, FailureCodes.NotFound);
        Assert.Empty(h.Orders.Batches);
    }

    [Fact]
    public async Task Handle_CommitFails_ExceptionPropagatesAndHoldIsReleased()
    {
        await using var h = await StartAsync();
        h.Orders.FailAllCommits();

        await Assert.ThrowsAsync<IOException>(() => h.Handler.HandleAsync(Command(PorkLine(3), DuckLine(1)), null, Ct).Guarded());

        Assert.Equal(new StockLevel(Pork, PorkTotal, 0, 0), await h.LevelAsync(Pork));
        Assert.Equal(new StockLevel(Duck, DuckTotal, 0, 0), await h.LevelAsync(Duck));
        Assert.Equal(0, h.Orders.OrderCount);
    }

    [Fact]
    public async Task Handle_WriterQueueFull_ThrowsOverloadedAndHoldIsReleased()
    {
        await using var h = await StartAsync(o => o.WriterQueueCapacity = 1);
        h.Orders.Block();
        var inFlight = h.Writer.SubmitAsync(TestOrders.Insert(1));
        await h.Orders.BlockedCommit.Guarded();
        var queued = h.Writer.SubmitAsync(TestOrders.Insert(2));

        var error = await Assert.ThrowsAsync<FailureException>(() => h.Handler.HandleAsync(Command(PorkLine(3)), null, Ct).Guarded());

        Assert.Equal(FailureCodes.Overloaded, error.Failure.Code);
        Assert.Equal(h.Settings.OverloadRetryAfter, error.Failure.RetryAfter);
        Assert.Equal(new StockLevel(Pork, PorkTotal, 0, 0), await h.LevelAsync(Pork));
        h.Orders.Unblock();
        await Task.WhenAll(inFlight, queued).Guarded();
        Assert.Equal(2, h.Orders.OrderCount);
    }

    [Fact]
    public async Task Handle_CommitFailsForUnlimitedDishesOnly_LeavesNothingInTheLedger()
    {
        await using var h = await StartAsync();
        h.Orders.FailAllCommits();

        await Assert.ThrowsAsync<IOException>(() => h.Handler.HandleAsync(Command(DumplingsLine(2)), null, Ct).Guarded());

        // No hold was taken, so no compensation ran and no cancel barrier is kept for an order that never existed.
        Assert.Equal(0, h.Ledger.HoldCount);
        Assert.Equal(0, h.Orders.OrderCount);
    }

    [Fact]
    public async Task Handle_CommitFails_CompensationLeavesOnlyTheReleasedHold()
    {
        await using var h = await StartAsync();
        h.Orders.FailAllCommits();

        await Assert.ThrowsAsync<IOException>(() => h.Handler.HandleAsync(Command(PorkLine(1), DumplingsLine(2)), null, Ct).Guarded());

        Assert.Equal(1, h.Ledger.HoldCount);
        Assert.Equal(new StockLevel(Pork, PorkTotal, 0, 0), await h.LevelAsync(Pork));
    }

    [Fact]
    public async Task Handle_WithIdempotency_RecordIsBuiltFromTheOrderAndCommittedWithIt()
    {
        await using var h = await StartAsync();
        Order? seen = null;
        IdempotencyRecord? record = null;

        var order = AssertPlaced(await h.Handler.HandleAsync(
            Command(PorkLine(1)),
            o =>
            {
                seen = o;
                record = new IdempotencyRecord("guest-1", "key-1", "hash-1", 201, $"/orders/{o.Id}", [1, 2, 3], TestOrders.Now);
                return record;
            },
            Ct));

        Assert.Same(order, seen);
        var insert = Assert.IsType<InsertOrder>(Assert.Single(Assert.Single(h.Orders.Batches)));
        Assert.Same(record, insert.Idempotency);
        Assert.Equal(order.Id, insert.Order.Id);
        Assert.Same(record, await h.Orders.FindAsync("guest-1", "key-1", Ct));
    }

    [Fact]
    public async Task Handle_IdempotencyCallbackThrows_HoldIsReleasedAndNothingWritten()
    {
        await using var h = await StartAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            h.Handler.HandleAsync(Command(PorkLine(4)), _ => throw new InvalidOperationException("render failed"), Ct).Guarded());

        Assert.Equal(new StockLevel(Pork, PorkTotal, 0, 0), await h.LevelAsync(Pork));
        Assert.Empty(h.Orders.Batches);
    }

    [Fact]
    public async Task Handle_ManyConcurrentGuests_SellExactlyTheLimitedPortionsWithUniquePickups()
    {
        const int Guests = 120;
        await using var h = await StartAsync();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var guests = Enumerable.Range(0, Guests).Select(_ => Task.Run(async () =>
        {
            await go.Task;
            return await h.Handler.HandleAsync(Command(PorkLine(1)), null, Ct);
        }, Ct)).ToArray();

        go.SetResult();
        var outcomes = await Task.WhenAll(guests).Guarded();

        var placed = outcomes.OfType<PlaceOrderOutcome.Placed>().Select(p => p.Order).ToList();
        Assert.Equal(PorkTotal, placed.Count);
        Assert.All(outcomes.OfType<PlaceOrderOutcome.Refused>(), r => Assert.Equal(FailureCodes.SoldOut, r.Failure.Code));
        Assert.Equal(PorkTotal, placed.Select(o => o.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, PorkTotal), placed.Select(o => o.Pickup.Sequence).Order());
        Assert.Equal(PorkTotal, h.Orders.OrderCount);
        Assert.Equal(new StockLevel(Pork, 0, PorkTotal, 0), await h.LevelAsync(Pork));
    }
}
