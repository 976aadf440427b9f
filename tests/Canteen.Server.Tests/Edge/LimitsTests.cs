using System.Net;
using Canteen.Server.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Canteen.Server.Tests.Edge;

/// <summary>Per-caller buckets, the unpaid-order cap, and limits that change without a restart.</summary>
public sealed class LimitsTests
{
    [Fact]
    public async Task PlaceOrder_BurstFromOneGuest_RateLimitedWithRetryAfterWhileAnotherGuestIsServed()
    {
        await using var app = new CanteenApp(settings: new Dictionary<string, string?>
        {
            ["Canteen:Limits:PerCaller:TokenLimit"] = "3",
            ["Canteen:Limits:PerCaller:TokensPerPeriod"] = "1",
            ["Canteen:Limits:PerCaller:ReplenishmentPeriod"] = "00:01:00",
            ["Canteen:Limits:MaxUnpaidOrdersPerGuest"] = "0",
        });
        using var greedy = app.GuestClient();
        using var other = app.GuestClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await greedy.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited ??= response;
            }
        }

        using var served = await other.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.NotNull(limited);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("rate_limited", (await limited.JsonAsync()).Code());
        Assert.Equal(HttpStatusCode.Created, served.StatusCode);
    }

    [Fact]
    public async Task PlaceOrder_MoreAtOnceThanTheAdmissionLimit_ExcessGets503AtOnceAndHoldsNothing()
    {
        await using var app = new CanteenApp(settings: new Dictionary<string, string?>
        {
            ["Canteen:Limits:OrderConcurrencyLimit"] = "1",
            ["Canteen:Limits:OrderConcurrencyQueueLimit"] = "0",
            ["Canteen:Limits:MaxUnpaidOrdersPerGuest"] = "0",
        });
        using var guest = app.GuestClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            guest.PlaceOrderAsync(ApiClient.OrderBody(ApiClient.BraisedPork, 1, "\"size-regular\""))));

        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        var shed = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.Equal(40, created + shed.Count);
        Assert.True(created >= 1);
        Assert.NotEmpty(shed);
        Assert.Equal("overloaded", (await shed[0].JsonAsync()).Code());
        Assert.True(shed[0].Headers.Contains("Retry-After"));
        var (available, reserved, sold, total) = await app.Client().LevelAsync(ApiClient.BraisedPork);
        Assert.Equal((50 - created, created, 0, 50), (available, reserved, sold, total));

        // Admission concerns placements only: everything else is served while orders are being shed.
        using var menu = await guest.GetAsync($"/api/v1/stores/{ApiClient.Store}/menu");
        Assert.Equal(HttpStatusCode.OK, menu.StatusCode);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task PlaceOrder_LimitRaisedInConfiguration_TakesEffectWithoutRestart()
    {
        await using var app = OneOrderPerCaller();
        using var guest = app.GuestClient();
        using var first = await guest.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));
        using var second = await guest.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));

        ReloadTokenLimit(app, "100");
        using var third = await guest.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
    }

    [Fact]
    public async Task PlaceOrder_LimitChangedToAnInvalidValue_KeepsServingWithTheLastValidLimits()
    {
        await using var app = OneOrderPerCaller();
        using var guest = app.GuestClient();
        using var first = await guest.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));

        // An operator's typo in a live-reloaded appsettings.json: the reload must neither throw nor break requests.
        ReloadTokenLimit(app, "a hundred");
        using var second = await guest.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));
        using var menu = await guest.GetAsync($"/api/v1/stores/{ApiClient.Store}/menu");
        ReloadTokenLimit(app, "100");
        using var third = await guest.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode); // still the last valid limit of 1
        Assert.Equal(HttpStatusCode.OK, menu.StatusCode);
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
    }

    [Fact]
    public async Task PlaceOrder_GuestAtUnpaidCap_RefusedUntilOneIsCancelled()
    {
        await using var app = new CanteenApp(settings: new Dictionary<string, string?> { ["Canteen:Limits:MaxUnpaidOrdersPerGuest"] = "3" });
        using var guest = app.GuestClient();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var placed = await guest.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));
            Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
            ids.Add((string)(await placed.JsonAsync())["id"]!);
        }

        var before = await DatabaseState.CaptureAsync(app);
        using var refused = await guest.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));
        var after = await DatabaseState.CaptureAsync(app);
        using var cancelled = await guest.PostAsync($"/api/v1/orders/{ids[0]}/cancel");
        using var again = await guest.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));
        using var otherGuest = app.GuestClient();
        using var unaffected = await otherGuest.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("too_many_unpaid_orders", (await refused.JsonAsync()).Code());
        Assert.Equal(before, after);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, unaffected.StatusCode);
    }

    [Fact]
    public async Task PlaceOrder_ConcurrentBurstFromOneGuest_NeverMoreThanTheCap()
    {
        await using var app = new CanteenApp(settings: new Dictionary<string, string?> { ["Canteen:Limits:MaxUnpaidOrdersPerGuest"] = "3" });
        using var guest = app.GuestClient();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => guest.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"))));
        var burst = responses.Count(r => r.StatusCode == HttpStatusCode.Created);

        // Under an instantaneous burst an order can be counted both as stored and as still in flight for a moment,
        // so the guard may admit fewer than the cap, never more. Afterwards the cap is reachable exactly.
        Assert.InRange(burst, 1, 3);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var later = 0;
        for (var i = 0; i < 5; i++)
        {
            using var response = await guest.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));
            later += response.StatusCode == HttpStatusCode.Created ? 1 : 0;
        }

        Assert.Equal(3, burst + later);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    /// <summary>A server whose per-caller bucket holds one order and refills only after ten minutes.</summary>
    private static CanteenApp OneOrderPerCaller() => new(settings: new Dictionary<string, string?>
    {
        ["Canteen:Limits:PerCaller:TokenLimit"] = "1",
        ["Canteen:Limits:PerCaller:ReplenishmentPeriod"] = "00:10:00",
        ["Canteen:Limits:MaxUnpaidOrdersPerGuest"] = "0",
    });

    /// <summary>Changes the per-caller bucket size in the running server's configuration, as an edited file would.</summary>
    private static void ReloadTokenLimit(CanteenApp app, string value)
    {
        var config = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        config["Canteen:Limits:PerCaller:TokenLimit"] = value;
        config.Reload();
    }
}
