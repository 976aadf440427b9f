using Canteen.Engine.Payments;

namespace Canteen.Payments.Alipay;

/// <summary>Alipay's <c>trade_status</c>, shared by the query answer and the async notify.</summary>
internal static class AlipayTradeStatus
{
    public static bool TryMap(string? tradeStatus, out ProviderPaymentStatus status)
    {
        // TRADE_FINISHED is a paid trade past its refund period: still money we captured.
        (var known, status) = tradeStatus switch
        {
            "WAIT_BUYER_PAY" => (true, ProviderPaymentStatus.Pending),
            "TRADE_SUCCESS" or "TRADE_FINISHED" => (true, ProviderPaymentStatus.Succeeded),
            "TRADE_CLOSED" => (true, ProviderPaymentStatus.Closed),
            _ => (false, default),
        };
        return known;
    }
}
