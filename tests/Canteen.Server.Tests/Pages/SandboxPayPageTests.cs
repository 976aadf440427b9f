using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Canteen.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Canteen.Server.Tests.Pages;

/// <summary>
/// The sandbox pay page in a real headless chromium against a real server: what a guest sees after following
/// <c>payUrl</c>, and what the Pay / Fail buttons do to the payment and the order.
/// </summary>
public sealed class SandboxPayPageTests(SharedApp shared, Browser browser) : IClassFixture<SharedApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task Pay_ShowsSucceeded_AndTheOrderIsPaid()
    {
        await using var context = await browser.NewContextAsync();
        var guest = shared.App.GuestClient();
        var (orderId, payment) = await OpenPaymentAsync(guest);
        var page = await context.NewPageAsync();

        var opened = await page.GotoAsync((string)payment["payUrl"]!);

        Assert.Equal((int)HttpStatusCode.OK, opened!.Status);
        await Expect(page.Locator("#amount")).ToHaveTextAsync(AmountText(payment));
        await Expect(page.Locator("#status")).ToHaveTextAsync("pending");
        await Expect(page.Locator("#fail")).ToBeVisibleAsync();

        await page.Locator("#pay").ClickAsync();

        await Expect(page.Locator("#status")).ToHaveTextAsync("succeeded");
        await Expect(page.Locator("#pay")).ToHaveCountAsync(0);
        await Expect(page.Locator("#fail")).ToHaveCountAsync(0);
        Assert.Equal((string)payment["payUrl"]!, page.Url); // post/redirect/get: back on the page itself
        Assert.Equal("paid", await guest.OrderStatusAsync(orderId));
    }

    [Fact]
    public async Task Fail_ShowsFailed_AndTheOrderIsBackToCreated()
    {
        await using var context = await browser.NewContextAsync();
        var guest = shared.App.GuestClient();
        var (orderId, payment) = await OpenPaymentAsync(guest);
        var page = await context.NewPageAsync();
        await page.GotoAsync((string)payment["payUrl"]!);
        await Expect(page.Locator("#status")).ToHaveTextAsync("pending");

        await page.Locator("#fail").ClickAsync();

        await Expect(page.Locator("#status")).ToHaveTextAsync("failed");
        await Expect(page.Locator("#pay")).ToHaveCountAsync(0);
        await Expect(page.Locator("#amount")).ToHaveTextAsync(AmountText(payment));
        Assert.Equal("created", await guest.OrderStatusAsync(orderId));
    }

    [Fact]
    public async Task WrongTicket_Is404ProblemWithoutButtons()
    {
        await using var context = await browser.NewContextAsync();
        var guest = shared.App.GuestClient();
        var (orderId, payment) = await OpenPaymentAsync(guest);
        var payUrl = new Uri((string)payment["payUrl"]!);
        var page = await context.NewPageAsync();

        var opened = await page.GotoAsync(payUrl.GetLeftPart(UriPartial.Path) + "?ticket=" + TamperedTicket(payUrl));

        Assert.Equal((int)HttpStatusCode.NotFound, opened!.Status);
        Assert.StartsWith("application/problem+json", opened.Headers["content-type"], StringComparison.Ordinal);
        var problem = JsonNode.Parse(await opened.TextAsync())!;
        Assert.Equal(404, (int)problem["status"]!);
        await Expect(page.Locator("#pay")).ToHaveCountAsync(0);
        await Expect(page.Locator("#fail")).ToHaveCountAsync(0);
        Assert.Equal("paying", await guest.OrderStatusAsync(orderId));
    }

    /// <summary>One braised pork ordered by the guest and a sandbox payment opened for it; returns the payment's JSON.</summary>
    private static async Task<(string OrderId, JsonObject Payment)> OpenPaymentAsync(HttpClient guest)
    {
        using var placed = await guest.PlaceOrderAsync(ApiClient.OrderBody(ApiClient.BraisedPork, 1, "\"size-regular\""));
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var orderId = (string)(await placed.JsonAsync())["id"]!;
        using var created = await guest.CreatePaymentAsync(orderId);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var payment = await created.JsonAsync();
        Assert.Equal("pending", (string)payment["status"]!);
        Assert.StartsWith("http://", (string)payment["payUrl"]!, StringComparison.Ordinal);
        return (orderId, payment);
    }

    /// <summary>The amount as the page prints it, from the payment's minor units: 5800 CNY is "58.00 CNY".</summary>
    private static string AmountText(JsonObject payment) =>
        ((long)payment["amount"]! / 100m).ToString("0.00", CultureInfo.InvariantCulture) + " " + (string)payment["currency"]!;

    /// <summary>The link's ticket with its last character changed: well-formed, but not the signature of this payment.</summary>
    private static string TamperedTicket(Uri payUrl)
    {
        const string Prefix = "?ticket=";
        Assert.StartsWith(Prefix, payUrl.Query, StringComparison.Ordinal);
        var ticket = Uri.UnescapeDataString(payUrl.Query[Prefix.Length..]);
        var last = ticket[^1] == 'A' ? 'B' : 'A';
        return Uri.EscapeDataString(ticket[..^1] + last);
    }
}
