using Canteen.Core.Ordering;
using Canteen.Engine.Storage;
using Canteen.Integration.Tests.Support;

namespace Canteen.Integration.Tests.Storage;

/// <summary>
/// A payment together with the order change it causes: both or neither, whichever check fails, and the holds move
/// as the order change says.
/// </summary>
public abstract partial class StorageContractTests<TStorage>
{
    [Fact]
    public async Task CommitAsync_SavePaymentWithOrderChange_AppliesBothWithHoldMoveAndEvent()
    {
        var storage = await OpenAsync();
        var (order, payment) = await PayingOrderWithPaymentAsync(storage);
        var paid = TestOrders.Moved(order, OrderStatus.Paid, TimeSpan.FromSeconds(5));
        var succeeded = TestPayments.Succeeded(payment);
        var orderChange = TestOrders.Update(paid, 2, HoldState.Confirmed);

        var outcomes = await CommitAsync(storage, TestPayments.Update(succeeded, 1, orderChange));

        Assert.Equal([WriteOutcome.Committed], outcomes);
        StorageAssert.SameOrder(paid.ToSnapshot(), (await storage.FindAsync(order.Id, Ct))?.ToSnapshot());
        Assert.Equal(succeeded.ToSnapshot(), (await storage.FindPaymentAsync(payment.Id, Ct))?.ToSnapshot());
        Assert.Contains(orderChange.Event, await storage.ReadUnsentAsync(100, Ct));
        Assert.Equal(["duck:confirmed"], await ReadHoldStatesAsync(order.Id));
    }

    [Fact]
    public async Task CommitAsync_NewPaymentWithOrderChange_InsertsItAndMovesTheOrder()
    {
        var storage = await OpenAsync();
        var order = TestOrders.Create(1);
        await CommitAsync(storage, TestOrders.Insert(order, [new HoldLine("duck", 1)]));
        var paying = TestOrders.Update(TestOrders.Moved(order, OrderStatus.Paying, TimeSpan.FromSeconds(1)), 1);
        var payment = TestPayments.Create(11, order.Id);

        var outcomes = await CommitAsync(storage, TestPayments.Insert(payment, paying, TestOrders.Idempotency("pay-1")));

        Assert.Equal([WriteOutcome.Committed], outcomes);
        var stored = await storage.FindAsync(1, Ct);
        Assert.Equal((OrderStatus.Paying, 2), (stored?.Status, stored?.Version));
        Assert.Equal(payment.ToSnapshot(), (await storage.FindPaymentAsync(11, Ct))?.ToSnapshot());
        Assert.NotNull(await FindRecordAsync(storage, "guest-1", "pay-1"));
        Assert.Equal(["duck:held"], await ReadHoldStatesAsync(1));
    }

    [Fact]
    public async Task CommitAsync_SavePaymentWithStaleOrderVersion_ConflictsAndWritesNothing()
    {
        var storage = await OpenAsync();
        var (order, payment) = await PayingOrderWithPaymentAsync(storage);
        var unsent = await storage.ReadUnsentAsync(100, Ct);
        var staleChange = TestOrders.Update(TestOrders.Moved(order, OrderStatus.Paid, TimeSpan.FromSeconds(5)), 1, HoldState.Confirmed);
        var record = TestOrders.Idempotency("pay-2");

        var outcomes = await CommitAsync(
            storage,
            TestPayments.Update(TestPayments.Succeeded(payment), 1, staleChange),
            TestPayments.Insert(TestPayments.Create(12, order.Id), staleChange with { Event = TestOrders.Event(order, "Other") }, record));

        Assert.Equal([WriteOutcome.VersionConflict, WriteOutcome.VersionConflict], outcomes);
        StorageAssert.SameOrder(order.ToSnapshot(), (await storage.FindAsync(order.Id, Ct))?.ToSnapshot());
        Assert.Equal(payment.ToSnapshot(), (await storage.FindPaymentAsync(payment.Id, Ct))?.ToSnapshot());
        Assert.Null(await storage.FindPaymentAsync(12, Ct));
        Assert.Null(await FindRecordAsync(storage, record.Scope, record.Key));
        Assert.Equal(unsent, await storage.ReadUnsentAsync(100, Ct));
        Assert.Equal(["duck:held"], await ReadHoldStatesAsync(order.Id));
    }

    [Fact]
    public async Task CommitAsync_SavePaymentWithStalePaymentVersion_ConflictsAndLeavesTheOrder()
    {
        var storage = await OpenAsync();
        var (order, payment) = await PayingOrderWithPaymentAsync(storage);
        var failed = TestPayments.Moved(payment, p => p.Fail(TestOrders.Now.AddSeconds(3)));
        await CommitAsync(storage, TestPayments.Update(failed, 1));
        var unsent = await storage.ReadUnsentAsync(100, Ct);
        var paid = TestOrders.Moved(order, OrderStatus.Paid, TimeSpan.FromSeconds(5));
        var succeeded = TestPayments.Succeeded(payment);

        var outcomes = await CommitAsync(storage, TestPayments.Update(succeeded, 1, TestOrders.Update(paid, 2, HoldState.Confirmed)));

        Assert.Equal([WriteOutcome.VersionConflict], outcomes);
        StorageAssert.SameOrder(order.ToSnapshot(), (await storage.FindAsync(order.Id, Ct))?.ToSnapshot());
        Assert.Equal(failed.ToSnapshot(), (await storage.FindPaymentAsync(payment.Id, Ct))?.ToSnapshot());
        Assert.Equal(unsent, await storage.ReadUnsentAsync(100, Ct));
        Assert.Equal(["duck:held"], await ReadHoldStatesAsync(order.Id));
    }

    [Fact]
    public async Task CommitAsync_SavePaymentOfMissingOrder_NotFoundAndWritesNothing()
    {
        var storage = await OpenAsync();
        var ghost = TestOrders.Moved(TestOrders.Create(77), OrderStatus.Paying, TimeSpan.FromSeconds(1));
        var record = TestOrders.Idempotency("pay-3");

        var outcomes = await CommitAsync(storage, TestPayments.Insert(TestPayments.Create(13, 77), TestOrders.Update(ghost, 1), record));

        Assert.Equal([WriteOutcome.NotFound], outcomes);
        Assert.Null(await storage.FindPaymentAsync(13, Ct));
        Assert.Null(await FindRecordAsync(storage, record.Scope, record.Key));
        Assert.Empty(await storage.ReadUnsentAsync(100, Ct));
    }

    [Fact]
    public async Task CommitAsync_BatchWithAConflictingSavePayment_CommitsItsOtherWrites()
    {
        var storage = await OpenAsync();
        var (order, payment) = await PayingOrderWithPaymentAsync(storage);
        var fresh = TestOrders.Create(2, sequence: 2);
        var staleChange = TestOrders.Update(TestOrders.Moved(order, OrderStatus.Paid, TimeSpan.FromSeconds(5)), 1);
        var stale = TestPayments.Update(TestPayments.Succeeded(payment), 1, staleChange);
        var closed = TestPayments.Moved(payment, p => p.Close(TestOrders.Now.AddMinutes(20)));

        var outcomes = await CommitAsync(storage, stale, TestOrders.Insert(fresh), TestPayments.Update(closed, 1));

        Assert.Equal([WriteOutcome.VersionConflict, WriteOutcome.Committed, WriteOutcome.Committed], outcomes);
        StorageAssert.SameOrder(fresh.ToSnapshot(), (await storage.FindAsync(2, Ct))?.ToSnapshot());
        Assert.Equal(closed.ToSnapshot(), (await storage.FindPaymentAsync(payment.Id, Ct))?.ToSnapshot());
        Assert.Equal(OrderStatus.Paying, (await storage.FindAsync(order.Id, Ct))?.Status);
    }

    /// <summary>Order 1 (one duck held) moved to paying, and its pending payment 10, both stored.</summary>
    private static async Task<(Order Order, Core.Payments.Payment Payment)> PayingOrderWithPaymentAsync(TStorage storage)
    {
        var created = TestOrders.Create(1);
        var paying = TestOrders.Moved(created, OrderStatus.Paying, TimeSpan.FromSeconds(1));
        var payment = TestPayments.Create(10, created.Id);
        await CommitAsync(storage, TestOrders.Insert(created, [new HoldLine("duck", 1)]));
        Assert.Equal([WriteOutcome.Committed], await CommitAsync(storage, TestPayments.Insert(payment, TestOrders.Update(paying, 1))));
        return (paying, payment);
    }
}
