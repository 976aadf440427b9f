using Canteen.Core.Shared;
using Canteen.Engine.Payments;

namespace Canteen.Payments.WeChatPay;

/// <summary>Maps WeChat's <c>trade_state</c> to ours, for queries and payment callbacks alike.</summary>
internal static class WeChatPayTradeStates
{
    public static ProviderPaymentState Map(TransactionResource transaction)
    {
        var status = transaction.TradeState switch
        {
            // REFUND means "paid, and a refund has since been made": the money was captured, which is what the
            // payment itself needs to know; the refund has its own id and callback.
            "SUCCESS" or "REFUND" => ProviderPaymentStatus.Succeeded,
            "NOTPAY" or "USERPAYING" => ProviderPaymentStatus.Pending,
            "CLOSED" or "REVOKED" => ProviderPaymentStatus.Closed,
            "PAYERROR" => ProviderPaymentStatus.Failed,
            _ => throw WeChatPayApiClient.Failure(
                "unknown_trade_state", $"unknown trade_state '{transaction.TradeState}'", transient: false),
        };

        if (status != ProviderPaymentStatus.Succeeded)
        {
            return new ProviderPaymentState(status);
        }

        var amount = transaction.Amount is { } a
            ? new Money(a.Total, Money.IsCurrencyCode(a.Currency) ? a.Currency! : WeChatPayProvider.Currency)
            : (Money?)null;
        return new ProviderPaymentState(status, transaction.TransactionId, amount);
    }
}
