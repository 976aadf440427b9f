using System.Net;
using System.Text;
using Canteen.Payments.Sandbox;
using Canteen.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Canteen.Server.Tests.Payments;

/// <summary>
/// <c>POST /api/v1/payments/callbacks/{provider}</c> over real HTTP: only a verified notification changes anything,
/// and a duplicate is applied once.
/// </summary>
public sealed class CallbackTests
{
    [Fact]
    public async Task ForgedOrTamperedOrStaleCallbacks_Rejected_NothingChanges()
    {
        await using var app = new CanteenApp();
        var guest = app.GuestClient();
        var (orderId, paymentId) = await guest.OrderAndPaymentAsync(1);
        var signer = app.Services.GetRequiredService<SandboxSigner>();
        var body = Notice(paymentId, "paid", 5800);
        var now = DateTimeOffset.UtcNow;
        var other = new SandboxSigner(Microsoft.Extensions.Options.Options.Create(new SandboxOptions { SigningKey = "someone-else" }));

        var attempts = new (string Name, string? Header, string Body)[]
        {
            ("no signature", null, body),
            ("another key", other.SignCallback(Encoding.UTF8.GetBytes(body), now), body),
            ("tampered body", signer.SignCallback(Encoding.UTF8.GetBytes(body), now), body.Replace("\"amount\":", "\"amount\":1", StringComparison.Ordinal)),
            ("stale", signer.SignCallback(Encoding.UTF8.GetBytes(body), now.AddMinutes(-10)), body),
            ("garbage header", "t=abc,v1=zz", body),
        };
        foreach (var (name, header, sent) in attempts)
        {
            using var response = await PostCallbackAsync(app, "sandbox", sent, header);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, name);
            Assert.Equal("callback_rejected", (await response.JsonAsync()).Code());
        }

        using (var unknown = await PostCallbackAsync(app, "paypal", body, null))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        Assert.Equal("pending", await guest.PaymentStatusAsync(paymentId));
        Assert.Equal("paying", await guest.OrderStatusAsync(orderId));
    }

    [Fact]
    public async Task SignedCallback_AppliedOnce_EvenWhenDuplicated()
    {
        await using var app = new CanteenApp();
        var guest = app.GuestClient();
        var (orderId, paymentId) = await guest.OrderAndPaymentAsync(1);
        var signer = app.Services.GetRequiredService<SandboxSigner>();
        var amount = (long)(await guest.GetJsonAsync($"/api/v1/payments/{paymentId}"))["amount"]!;
        var body = Notice(paymentId, "paid", amount);

        // The sandbox's books must say paid too, or a later active query would disagree; pay there without a callback.
        app.Services.GetRequiredService<SandboxBank>().Settle(long.Parse(paymentId, System.Globalization.CultureInfo.InvariantCulture), paid: true);
        var versions = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await PostCallbackAsync(app, "sandbox", body, signer.SignCallback(Encoding.UTF8.GetBytes(body), DateTimeOffset.UtcNow));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            versions.Add((int)(await guest.GetJsonAsync($"/api/v1/orders/{orderId}"))["version"]!);
        }

        Assert.Equal("succeeded", await guest.PaymentStatusAsync(paymentId));
        Assert.Equal("paid", await guest.OrderStatusAsync(orderId));
        Assert.Single(versions.Distinct());
    }

    private static string Notice(string paymentId, string status, long amount) =>
        $$"""{"paymentId":"{{paymentId}}","status":"{{status}}","transactionId":"SBX{{paymentId}}","amount":{{amount}},"currency":"CNY"}""";

    private static async Task<HttpResponseMessage> PostCallbackAsync(CanteenApp app, string provider, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/payments/callbacks/{provider}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(SandboxSigner.SignatureHeader, signature);
        }

        return await app.AnonymousClient().SendAsync(request);
    }
}
