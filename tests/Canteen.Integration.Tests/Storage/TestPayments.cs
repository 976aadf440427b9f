using Canteen.Core.Payments;
using Canteen.Engine.Idempotency;
using Canteen.Engine.Storage;
using Canteen.Integration.Tests.Support;

namespace Canteen.Integration.Tests.Storage;

/// <summary>Hand-made payments and <see cref="SavePayment"/> writes, at the same fixed instants as <see cref="TestOrders"/>.</summary>
internal static class TestPayments
{
    /// <summary>A new pending payment of an order made by <see cref="TestOrders.Create"/> (same store and total).</summary>
    public static Payment Create(long id, long orderId, TimeSpan? createdAfter = null, TimeSpan? checkAfter = null)
    {
        var now = TestOrders.Now + (createdAfter ?? TimeSpan.Zero);
        return Payment.Create(id, orderId, "s1", "sandbox", "native", TestOrders.Cny(14_800), now, now + (checkAfter ?? TimeSpan.FromMinutes(1)));
    }

    /// <summary>A payment with every optional field set and instants with odd ticks, to catch any field a store drops.</summary>
    public static Payment Full(long id, long orderId) => Payment.Restore(new PaymentSnapshot(
        id,
        orderId,
        "s2",
        "wechatpay",
        "jsapi",
        new Core.Shared.Money(9_999_999_999, "USD"),
        PaymentStatus.Refunding,
        "4200001234202506011234567890",
        "https://pay.example/p/1?x=\"quoted\"&y=支付",
        "weixin://wxpay/bizpayurl?pr=abc",
        7,
        3,
        TestOrders.Now.AddTicks(98_765),
        TestOrders.Now.AddTicks(-1),
        TestOrders.Now.AddTicks(12_345)));

    /// <summary>A copy of <paramref name="payment"/> after <paramref name="change"/> (which bumps its version).</summary>
    public static Payment Moved(Payment payment, Action<Payment> change)
    {
        var copy = Payment.Restore(payment.ToSnapshot());
        change(copy);
        return copy;
    }

    /// <summary>The provider took the money a second after the payment last changed.</summary>
    public static Payment Succeeded(Payment payment) =>
        Moved(payment, p => p.Succeed("txn-" + p.Id, p.UpdatedAt.AddSeconds(1)));

    public static SavePayment Insert(Payment payment, UpdateOrder? order = null, IdempotencyRecord? idempotency = null) =>
        new(payment.ToSnapshot(), null, order, idempotency);

    public static SavePayment Update(Payment moved, int expectedVersion, UpdateOrder? order = null) =>
        new(moved.ToSnapshot(), expectedVersion, order, null);
}
