using System.Net;
using System.Security.Cryptography;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Edge;

/// <summary>
/// With <c>Canteen:Limits:Store=redis</c> a caller's bucket lives in Redis, so two instances share it: spreading a
/// burst over both does not double the allowance. Needs Redis (<c>CANTEEN_TEST_REDIS</c>, else 127.0.0.1:6379): skipped
/// without it, failed without it under CI=true.
/// </summary>
public sealed class DistributedLimitTests
{
    [Fact]
    public async Task PlaceOrder_BurstSpreadOverTwoInstances_OneSharedBucket()
    {
        var redis = await TestServices.RequireRedisAsync("the shared rate limit");
        var prefix = "rl-test-" + Guid.NewGuid().ToString("N")[..12] + ":";
        var settings = new Dictionary<string, string?>
        {
            ["Canteen:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Canteen:Limits:Store"] = "redis",
            ["Canteen:Limits:RedisConfiguration"] = redis,
            ["Canteen:Limits:RedisKeyPrefix"] = prefix,
            ["Canteen:Limits:PerCaller:TokenLimit"] = "4",
            ["Canteen:Limits:PerCaller:TokensPerPeriod"] = "1",
            ["Canteen:Limits:PerCaller:ReplenishmentPeriod"] = "00:10:00",
            ["Canteen:Limits:MaxUnpaidOrdersPerGuest"] = "0",
        };
        await using var one = new CanteenApp(settings: settings);
        await using var two = new CanteenApp(settings: settings);

        // One guest identity, valid on both instances because they share the signing key.
        var token = TestAuth.Issuer(one.Services).IssueGuest(ApiClient.Store, "A1").AccessToken;
        using var first = one.ClientWithToken(token);
        using var second = two.ClientWithToken(token);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var a = await first.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));
            using var b = await second.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));
            statuses.Add(a.StatusCode);
            statuses.Add(b.StatusCode);
        }

        using var limited = await second.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));
        using var otherGuest = two.GuestClient();
        using var unaffected = await otherGuest.PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));

        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
        Assert.Equal("rate_limited", (await limited.JsonAsync()).Code());
        Assert.Equal(HttpStatusCode.Created, unaffected.StatusCode);
    }
}
