using Canteen.Core.Ordering;
using Canteen.Core.Shared;
using Xunit;

namespace Canteen.Core.Tests.Ordering;

public sealed class OrderTests
{
    private static readonly PickupNumber Pickup = new(new DateOnly(2026, 11, 24), 7);

    private static Order CreateOrder(
        IReadOnlyList<OrderLine> lines, OrderType type = OrderType.Takeaway, string? table = null) =>
        Order.Create(42, "main", "guest-1", type, table, "no cilantro", lines, Pickup, TestOrders.Now, TestOrders.PaymentTimeout);

    [Fact]
    public void Create_Lines_TotalIsSumOfLineTotals()
    {
        var order = CreateOrder(
        [
            TestOrders.Line("noodles", 2800, 2),
            TestOrders.Line("tea", 1200, 3),
            TestOrders.Line("rice", 300, 1),
        ]);

        Assert.Equal(new Money(5600 + 3600 + 300, "CNY"), order.Total);
        Assert.Equal(3, order.Lines.Count);
    }

    [Fact]
    public void Create_SingleLine_TotalIsThatLineTotal()
    {
        var order = CreateOrder([TestOrders.Line("duck", 9800, 2)]);

        Assert.Equal(new Money(19600, "CNY"), order.Total);
    }

    [Fact]
    public void Create_NewOrder_StartsCreatedAtVersionOneWithPaymentDeadline()
    {
        var order = CreateOrder([TestOrders.Line("rice", 300, 1)], OrderType.DineIn, "T12");

        Assert.Equal(OrderStatus.Created, order.Status);
        Assert.Equal(1, order.Version);
        Assert.Equal(TestOrders.Now + TestOrders.PaymentTimeout, order.PaymentDeadline);
        Assert.Equal(TestOrders.Now, order.CreatedAt);
        Assert.Equal(TestOrders.Now, order.UpdatedAt);
        Assert.Equal(42, order.Id);
        Assert.Equal(OrderNumber.Format(42), order.Number);
        Assert.Equal("main", order.StoreId);
        Assert.Equal("guest-1", order.OwnerId);
        Assert.Equal(OrderType.DineIn, order.Type);
        Assert.Equal("T12", order.Table);
        Assert.Equal("no cilantro", order.Note);
        Assert.Equal(Pickup, order.Pickup);
    }

    [Fact]
    public void Create_CallerChangesItsListAfterwards_OrderLinesDoNotChange()
    {
        var lines = new List<OrderLine> { TestOrders.Line("rice", 300, 1) };

        var order = CreateOrder(lines);
        lines.Add(TestOrders.Line("tea", 1200, 1));

        Assert.Single(order.Lines);
        Assert.Equal(300, order.Total.Minor);
    }

    [Fact]
    public void Create_NoLines_ThrowsValidationFailed()
    {
        var ex = Assert.Throws<DomainException>(() => CreateOrder([]));

        Assert.Equal("validation_failed", ex.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Create_LineQuantityBelowOne_ThrowsValidationFailed(int quantity)
    {
        var bad = TestOrders.Line("tea", 1200, 1) with { Quantity = quantity };

        var ex = Assert.Throws<DomainException>(() => CreateOrder([TestOrders.Line("rice", 300, 1), bad]));

        Assert.Equal("validation_failed", ex.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_DineInWithoutTable_ThrowsValidationFailed(string? table)
    {
        var ex = Assert.Throws<DomainException>(() => CreateOrder([TestOrders.Line("rice", 300, 1)], OrderType.DineIn, table));

        Assert.Equal("validation_failed", ex.Code);
    }

    [Theory]
    [InlineData(OrderType.Takeaway)]
    [InlineData(OrderType.Delivery)]
    public void Create_NotDineInWithoutTable_Succeeds(OrderType type)
    {
        var order = CreateOrder([TestOrders.Line("rice", 300, 1)], type);

        Assert.Null(order.Table);
    }

    [Fact]
    public void Create_MixedCurrencies_ThrowsCurrencyMismatch()
    {
        var ex = Assert.Throws<DomainException>(() => CreateOrder(
            [TestOrders.Line("rice", 300, 1), TestOrders.Line("tea", 1200, 1, "USD")]));

        Assert.Equal("currency_mismatch", ex.Code);
    }

    [Fact]
    public void Create_NullLines_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => CreateOrder(null!));
    }

    [Fact]
    public void ToSnapshotRestore_RoundTrip_PreservesEveryField()
    {
        var order = CreateOrder([TestOrders.Line("noodles", 2800, 2), TestOrders.Line("tea", 1200, 1)], OrderType.DineIn, "T3");
        order.StartPaying(TestOrders.Now.AddMinutes(1));
        order.MarkPaid(TestOrders.Now.AddMinutes(2));
        var snapshot = order.ToSnapshot();

        var restored = Order.Restore(snapshot).ToSnapshot();

        // Records compare lists by reference, so compare the lines separately.
        Assert.Equal(snapshot with { Lines = [] }, restored with { Lines = [] });
        Assert.Equal(snapshot.Lines, restored.Lines);
        Assert.Equal(OrderStatus.Paid, restored.Status);
        Assert.Equal(3, restored.Version);
        Assert.Equal(TestOrders.Now.AddMinutes(2), restored.UpdatedAt);
        Assert.Equal(TestOrders.Now, restored.CreatedAt);
    }

    [Fact]
    public void Restore_Snapshot_ContinuesTheStateMachineFromItsStatusAndVersion()
    {
        var snapshot = TestOrders.InStatus(OrderStatus.Paid).ToSnapshot() with { Version = 9 };

        var order = Order.Restore(snapshot);
        order.StartPreparing(snapshot.UpdatedAt.AddMinutes(1));

        Assert.Equal(OrderStatus.Preparing, order.Status);
        Assert.Equal(10, order.Version);
        Assert.Throws<InvalidTransitionException>(() => order.MarkPaid(snapshot.UpdatedAt.AddMinutes(2)));
    }

    [Fact]
    public void Restore_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Order.Restore(null!));
    }

    [Fact]
    public void NamedMoves_HappyPath_WalkToCompleted()
    {
        var order = TestOrders.Create();
        var t = TestOrders.Now;

        order.StartPaying(t = t.AddMinutes(1));
        Assert.Equal(OrderStatus.Paying, order.Status);
        order.MarkPaid(t = t.AddMinutes(1));
        Assert.Equal(OrderStatus.Paid, order.Status);
        order.StartPreparing(t = t.AddMinutes(1));
        Assert.Equal(OrderStatus.Preparing, order.Status);
        order.MarkReady(t = t.AddMinutes(1));
        Assert.Equal(OrderStatus.Ready, order.Status);
        order.Complete(t = t.AddMinutes(1));

        Assert.Equal(OrderStatus.Completed, order.Status);
        Assert.Equal(6, order.Version);
        Assert.Equal(t, order.UpdatedAt);
    }

    [Fact]
    public void NamedMoves_FailedPaymentThenCancel_ReturnToCreatedThenCancelled()
    {
        var order = TestOrders.Create();

        order.StartPaying(TestOrders.Now.AddMinutes(1));
        order.ReturnToCreated(TestOrders.Now.AddMinutes(2));
        Assert.Equal(OrderStatus.Created, order.Status);
        order.Cancel(TestOrders.Now.AddMinutes(3));

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(4, order.Version);
    }

    [Fact]
    public void NamedMoves_RefundAfterPaid_Refunded()
    {
        var order = TestOrders.InStatus(OrderStatus.Paid);

        order.Refund(order.UpdatedAt.AddMinutes(1));

        Assert.Equal(OrderStatus.Refunded, order.Status);
    }

    [Fact]
    public void NamedMoves_StartPreparingUnpaidOrder_ThrowsInvalidTransition()
    {
        var order = TestOrders.Create();

        var ex = Assert.Throws<InvalidTransitionException>(() => order.StartPreparing(TestOrders.Now.AddMinutes(1)));

        Assert.Equal(OrderStatus.Created, ex.From);
        Assert.Equal(OrderStatus.Preparing, ex.To);
    }

    [Fact]
    public void MoveTo_ClockEarlierThanLastUpdate_KeepsUpdatedAtButStillMoves()
    {
        var order = TestOrders.Create();

        order.StartPaying(TestOrders.Now.AddSeconds(-5));

        Assert.Equal(OrderStatus.Paying, order.Status);
        Assert.Equal(2, order.Version);
        Assert.Equal(TestOrders.Now, order.UpdatedAt);
    }
}
