using System.Net;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Payments;

/// <summary>The whole order saga over HTTP with the sandbox provider (issue #5's required flows).</summary>
public sealed class PaymentFlowTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Pay_ThenKitchen_OrderCompletesAndPortionsAreSold()
    {
        await using var app = new CanteenApp();
        var guest = app.GuestClient();
        var kitchen = app.KitchenClient();
        var (orderId, paymentId) = await guest.OrderAndPaymentAsync(2);
        var payment = await guest.GetJsonAsync($"/api/v1/payments/{paymentId}");
        Assert.Equal("pending", (string)payment["status"]!);
        Assert.StartsWith("http://", (string)payment["payUrl"]!, StringComparison.Ordinal);
        Assert.Equal("paying", await guest.OrderStatusAsync(orderId));

        var paid = await guest.SandboxAsync(paymentId, "succeed");

        Assert.Equal("succeeded", (string)paid["status"]!);
        Assert.Equal("paid", await guest.OrderStatusAsync(orderId));
        await app.Client().AssertLevelSoonAsync(ApiClient.BraisedPork, (48, 0, 2, 50), Bound);
        foreach (var step in new[] { "start", "ready", "complete" })
        {
            using var moved = await kitchen.PostAsync($"/api/v1/orders/{orderId}/{step}");
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        Assert.Equal("completed", await guest.OrderStatusAsync(orderId));
        await app.Client().AssertInvariantOkAsync();
    }

    [Fact]
    public async Task Fail_ThenRetry_SecondPaymentPaysTheOrder()
    {
        await using var app = new CanteenApp();
        var guest = app.GuestClient();
        var (orderId, first) = await guest.OrderAndPaymentAsync(1);

        var failed = await guest.SandboxAsync(first, "fail");

        Assert.Equal("failed", (string)failed["status"]!);
        Assert.Equal("created", await guest.OrderStatusAsync(orderId));
        Assert.Equal((49, 1, 0, 50), await app.Client().LevelAsync(ApiClient.BraisedPork));

        using var again = await guest.CreatePaymentAsync(orderId);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var second = (string)(await again.JsonAsync())["id"]!;
        await guest.SandboxAsync(second, "succeed");

        Assert.Equal("paid", await guest.OrderStatusAsync(orderId));
        var payments = (await guest.GetJsonAsync($"/api/v1/orders/{orderId}/payments")).AsArray();
        Assert.Equal(["failed", "succeeded"], payments.Select(p => (string)p!["status"]!));
    }

    [Fact]
    public async Task DeadlinePassesWhilePaying_OrderCancelledHoldReleasedPaymentClosed()
    {
        await using var app = new CanteenApp(settings: new Dictionary<string, string?> { ["Canteen:Ordering:PaymentTimeout"] = "00:00:02" });
        var guest = app.GuestClient();
        var (orderId, paymentId) = await guest.OrderAndPaymentAsync(3);

        await guest.PollAsync($"/api/v1/orders/{orderId}", o => (string?)o["status"] == "cancelled", Bound);
        await guest.PollAsync($"/api/v1/payments/{paymentId}", p => (string?)p["status"] == "closed", Bound);
        await app.Client().AssertLevelSoonAsync(ApiClient.BraisedPork, (50, 0, 0, 50), Bound);

        // The sandbox closed it too: the guest can no longer pay it.
        using var late = await guest.PostAsync($"/api/v1/sandbox/payments/{paymentId}/succeed");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("cancelled", await guest.OrderStatusAsync(orderId));
    }

    [Fact]
    public async Task RefundFromPaid_PortionsReturnAndMoneyGoesBack()
    {
        await using var app = new CanteenApp();
        var guest = app.GuestClient();
        var staff = app.StaffClient();
        var (orderId, paymentId) = await guest.OrderAndPaymentAsync(2);
        await guest.SandboxAsync(paymentId, "succeed");

        using var refunded = await staff.PostAsync($"/api/v1/orders/{orderId}/refund");

        Assert.Equal(HttpStatusCode.OK, refunded.StatusCode);
        Assert.Equal("refunded", (string)(await refunded.JsonAsync())["status"]!);
        await app.Client().AssertLevelSoonAsync(ApiClient.BraisedPork, (50, 0, 0, 50), Bound);
        await guest.PollAsync($"/api/v1/payments/{paymentId}", p => (string?)p["status"] == "refunded", Bound);
        await app.Client().AssertInvariantOkAsync();
    }

    [Fact]
    public async Task RefundFromPreparing_FoodIsMadeSoPortionsStaySold()
    {
        await using var app = new CanteenApp();
        var guest = app.GuestClient();
        var (orderId, paymentId) = await guest.OrderAndPaymentAsync(2);
        await guest.SandboxAsync(paymentId, "succeed");
        using (var started = await app.KitchenClient().PostAsync($"/api/v1/orders/{orderId}/start"))
        {
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        }

        using var refunded = await app.StaffClient().PostAsync($"/api/v1/orders/{orderId}/refund");

        Assert.Equal(HttpStatusCode.OK, refunded.StatusCode);
        await guest.PollAsync($"/api/v1/payments/{paymentId}", p => (string?)p["status"] == "refunded", Bound);
        Assert.Equal((48, 0, 2, 50), await app.Client().LevelAsync(ApiClient.BraisedPork));
    }

    [Fact]
    public async Task PaymentSucceedsAfterOrderWasCancelled_RefundedAutomatically()
    {
        await using var app = new CanteenApp();
        var guest = app.GuestClient();
        var (orderId, paymentId) = await guest.OrderAndPaymentAsync(1);
        using (var cancelled = await guest.PostAsync($"/api/v1/orders/{orderId}/cancel"))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        // The guest was already on the pay page and pays anyway, before the saga closes the payment.
        await guest.SandboxAsync(paymentId, "succeed");

        await guest.PollAsync($"/api/v1/payments/{paymentId}", p => (string?)p["status"] == "refunded", Bound);
        Assert.Equal("cancelled", await guest.OrderStatusAsync(orderId));
        await app.Client().AssertLevelSoonAsync(ApiClient.BraisedPork, (50, 0, 0, 50), Bound);
    }

    [Fact]
    public async Task Cash_RecordedByStaffPaysAtOnce_GuestsMayNotRecordCash()
    {
        await using var app = new CanteenApp();
        var guest = app.GuestClient();
        using var placed = await guest.PlaceOrderAsync(ApiClient.OrderBody(ApiClient.BraisedPork, 1, "\"size-regular\""));
        var orderId = (string)(await placed.JsonAsync())["id"]!;

        using (var byGuest = await guest.CreatePaymentAsync(orderId, "cash"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byGuest.StatusCode);
        }

        using var cash = await app.StaffClient().CreatePaymentAsync(orderId, "cash");

        Assert.Equal(HttpStatusCode.Created, cash.StatusCode);
        Assert.Equal("succeeded", (string)(await cash.JsonAsync())["status"]!);
        Assert.Equal("paid", await guest.OrderStatusAsync(orderId));
        await app.Client().AssertLevelSoonAsync(ApiClient.BraisedPork, (49, 0, 1, 50), Bound);
    }

    [Fact]
    public async Task CreatePayment_SameKeyReplays_OtherBodyIsReuse_UnknownProviderRefused()
    {
        await using var app = new CanteenApp();
        var guest = app.GuestClient();
        using var placed = await guest.PlaceOrderAsync(ApiClient.OrderBody(ApiClient.BraisedPork, 1, "\"size-regular\""));
        var orderId = (string)(await placed.JsonAsync())["id"]!;
        var key = Guid.NewGuid().ToString();

        using (var unknown = await guest.CreatePaymentAsync(orderId, "bitcoin"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Equal("validation_failed", (await unknown.JsonAsync()).Code());
        }

        Assert.Equal("created", await guest.OrderStatusAsync(orderId));
        using var first = await guest.CreatePaymentAsync(orderId, key: key);
        using var replay = await guest.CreatePaymentAsync(orderId, key: key);
        using var reuse = await guest.CreatePaymentAsync(orderId, "cash", key: key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reuse.StatusCode);
        Assert.Single((await guest.GetJsonAsync($"/api/v1/orders/{orderId}/payments")).AsArray());
    }

    [Fact]
    public async Task LostCallback_ActiveQueryFindsThePayment()
    {
        await using var app = new CanteenApp(settings: new Dictionary<string, string?>
        {
            ["Canteen:Payments:QueryDelay"] = "00:00:01",
            ["Canteen:Payments:Sandbox:Faults:LostCallbackRate"] = "1",
        });
        var guest = app.GuestClient();
        var (orderId, paymentId) = await guest.OrderAndPaymentAsync(1);

        var afterPay = await guest.SandboxAsync(paymentId, "succeed");

        Assert.Equal("pending", (string)afterPay["status"]!);
        await guest.PollAsync($"/api/v1/payments/{paymentId}", p => (string?)p["status"] == "succeeded", Bound);
        Assert.Equal("paid", await guest.OrderStatusAsync(orderId));
    }
}
