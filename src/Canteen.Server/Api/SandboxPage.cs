using System.Globalization;
using System.Net;
using Canteen.Core.Payments;

namespace Canteen.Server.Api;

/// <summary>The sandbox's pay page: the amount, the payment's status, and Pay / Fail buttons while it is pending.</summary>
internal static class SandboxPage
{
    public static string Render(Payment payment, string ticket)
    {
        var id = payment.Id.ToString(CultureInfo.InvariantCulture);
        var amount = (payment.Amount.Minor / 100m).ToString("0.00", CultureInfo.InvariantCulture) + " " + payment.Amount.Currency;
        var status = PaymentStatusNames.ToWire(payment.Status);
        var query = "?ticket=" + WebUtility.UrlEncode(ticket);
        var buttons = payment.Status == PaymentStatus.Pending
            ? $"""
               <form method="post" action="/sandbox/pay/{id}/succeed{query}"><button id="pay" type="submit">Pay {WebUtility.HtmlEncode(amount)}</button></form>
               <form method="post" action="/sandbox/pay/{id}/fail{query}"><button id="fail" type="submit">Fail</button></form>
               """
            : $"""<p><a href="/sandbox/pay/{id}{query}">Refresh</a></p>""";
        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Canteen sandbox payment</title>
              <style>
                body { font-family: system-ui, sans-serif; max-width: 26rem; margin: 3rem auto; padding: 0 1rem; }
                .amount { font-size: 2rem; margin: .5rem 0; }
                form { display: inline-block; margin-right: .5rem; }
                button { font-size: 1rem; padding: .6rem 1.2rem; }
                #pay { background: #1a7f37; color: #fff; border: 0; border-radius: 4px; }
              </style>
            </head>
            <body>
              <h1>Sandbox payment</h1>
              <p>No real money moves: this page stands in for a payment provider.</p>
              <p class="amount" id="amount">{{WebUtility.HtmlEncode(amount)}}</p>
              <p>Payment <code>{{id}}</code> is <strong id="status">{{status}}</strong>.</p>
              {{buttons}}
            </body>
            </html>
            """;
    }
}
