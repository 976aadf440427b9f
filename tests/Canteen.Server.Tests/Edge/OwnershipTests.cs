using System.Net;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Edge;

/// <summary>Object- and store-level authorization beyond the role matrix.</summary>
public sealed class OwnershipTests(EdgeFixture fixture) : IClassFixture<EdgeFixture>
{
    [Fact]
    public async Task GuestB_ReadsOrCancelsGuestAsOrder_NotFoundLikeAMissingId()
    {
        using var placed = await fixture[Role.GuestA].PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));
        var id = (string)(await placed.JsonAsync())["id"]!;

        using var read = await fixture[Role.GuestB].GetAsync("/api/v1/orders/" + id, TestContext.Current.CancellationToken);
        using var cancel = await fixture[Role.GuestB].PostAsync($"/api/v1/orders/{id}/cancel");
        using var missing = await fixture[Role.GuestB].GetAsync("/api/v1/orders/1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal("not_found", (await cancel.JsonAsync()).Code());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("created", (string)(await fixture[Role.GuestA].GetJsonAsync("/api/v1/orders/" + id))["status"]!);
    }

    [Fact]
    public async Task Guest_OrdersInAnotherStore_Forbidden()
    {
        using var response = await fixture[Role.GuestA].PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"), store: "cd-chunxi");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forbidden", (await response.JsonAsync()).Code());
    }

    [Fact]
    public async Task Staff_OfAnotherStore_ForbiddenOnStoreAndBlindToItsOrders()
    {
        using var other = fixture.App.StaffClient("cd-chunxi");
        using var placed = await fixture[Role.GuestA].PlaceOrderAsync(ApiClient.OrderBody("steamed-rice"));
        var id = (string)(await placed.JsonAsync())["id"]!;

        using var stock = await other.GetAsync($"/api/v1/stores/{ApiClient.Store}/stock", TestContext.Current.CancellationToken);
        using var list = await other.GetAsync($"/api/v1/stores/{ApiClient.Store}/orders", TestContext.Current.CancellationToken);
        using var order = await other.GetAsync("/api/v1/orders/" + id, TestContext.Current.CancellationToken);
        using var own = await other.GetAsync("/api/v1/stores/cd-chunxi/stock", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, stock.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, order.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task PlaceOrder_ClientSendsStatusPriceAndTotal_Ignored()
    {
        const string Body = """
            {"type":"takeaway","status":"paid","total":1,"version":99,"ownerId":"someone-else",
             "items":[{"dishId":"steamed-rice","quantity":2,"unitPrice":1,"lineTotal":1}]}
            """;
        using var response = await fixture[Role.GuestA].PlaceOrderAsync(Body);
        var order = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("created", (string)order["status"]!);
        Assert.Equal(600, (long)order["total"]!);
        Assert.Equal(300, (long)order["items"]![0]!["unitPrice"]!);
        Assert.Equal(HttpStatusCode.OK, (await fixture[Role.GuestA].GetAsync("/api/v1/orders/" + order["id"], TestContext.Current.CancellationToken)).StatusCode);
    }
}
