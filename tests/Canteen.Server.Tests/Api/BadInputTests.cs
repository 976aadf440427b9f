using System.Net;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Api;

public sealed class BadInputTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static readonly string FiftyOneItems =
        "{\"type\":\"takeaway\",\"items\":[" + string.Join(",", Enumerable.Repeat("{\"dishId\":\"xiaolongbao\",\"quantity\":1}", 51)) + "]}";

    private static readonly string DeepNesting = "{\"type\":\"takeaway\",\"items\":" + new string('[', 200) + new string(']', 200) + "}";

    public static TheoryData<string, string, int, string> Cases => new()
    {
        { "malformed JSON", "{\"type\":\"takeaway\",\"items\":[", 400, "validation_failed" },
        { "not JSON at all", "hello", 400, "validation_failed" },
        { "empty body", "", 400, "validation_failed" },
        { "top-level array", "[]", 400, "validation_failed" },
        { "JSON null", "null", 400, "validation_failed" },
        { "quantity as string", "{\"type\":\"takeaway\",\"items\":[{\"dishId\":\"xiaolongbao\",\"quantity\":\"2\"}]}", 400, "validation_failed" },
        { "quantity fractional", "{\"type\":\"takeaway\",\"items\":[{\"dishId\":\"xiaolongbao\",\"quantity\":1.5}]}", 400, "validation_failed" },
        { "quantity huge", "{\"type\":\"takeaway\",\"items\":[{\"dishId\":\"xiaolongbao\",\"quantity\":1e30}]}", 400, "validation_failed" },
        { "dishId as number", "{\"type\":\"takeaway\",\"items\":[{\"dishId\":42,\"quantity\":1}]}", 400, "validation_failed" },
        { "items as object", "{\"type\":\"takeaway\",\"items\":{}}", 400, "validation_failed" },
        { "deep nesting", DeepNesting, 400, "validation_failed" },
        { "quantity zero", ApiClient.OrderBody("xiaolongbao", 0), 400, "validation_failed" },
        { "quantity negative", ApiClient.OrderBody("xiaolongbao", -3), 400, "validation_failed" },
        { "quantity over maximum", ApiClient.OrderBody("xiaolongbao", 100), 400, "validation_failed" },
        { "quantity missing", "{\"type\":\"takeaway\",\"items\":[{\"dishId\":\"xiaolongbao\"}]}", 400, "validation_failed" },
        { "dishId missing", "{\"type\":\"takeaway\",\"items\":[{\"quantity\":1}]}", 400, "validation_failed" },
        { "null item", "{\"type\":\"takeaway\",\"items\":[null]}", 400, "validation_failed" },
        { "items missing", "{\"type\":\"takeaway\"}", 400, "validation_failed" },
        { "items empty", "{\"type\":\"takeaway\",\"items\":[]}", 400, "validation_failed" },
        { "items over the maximum", FiftyOneItems, 400, "validation_failed" },
        { "type missing", "{\"items\":[{\"dishId\":\"xiaolongbao\",\"quantity\":1}]}", 400, "validation_failed" },
        { "type unknown", ApiClient.OrderBody("xiaolongbao", type: "drive_through"), 400, "validation_failed" },
        { "dine-in without table", ApiClient.OrderBody("xiaolongbao", type: "dine_in"), 400, "validation_failed" },
        { "note too long", "{\"type\":\"takeaway\",\"note\":\"" + new string('n', 201) + "\",\"items\":[{\"dishId\":\"xiaolongbao\",\"quantity\":1}]}", 400, "validation_failed" },
        { "NUL in the note", "{\"type\":\"takeaway\",\"note\":\"a\\u0000b\",\"items\":[{\"dishId\":\"xiaolongbao\",\"quantity\":1}]}", 400, "validation_failed" },
        { "control character in a line note", "{\"type\":\"takeaway\",\"items\":[{\"dishId\":\"xiaolongbao\",\"quantity\":1,\"note\":\"\\u0007\"}]}", 400, "validation_failed" },
        { "unknown dish", ApiClient.OrderBody("unicorn-steak"), 422, "validation_failed" },
        { "dish not sold in this store", ApiClient.OrderBody("chongqing-xiaomian", 1, "\"spice-mild\",\"size-regular\""), 422, "validation_failed" },
        { "unknown option", ApiClient.OrderBody("xiaolongbao", 1, "\"extra-gold\""), 422, "validation_failed" },
        { "option of another dish", ApiClient.OrderBody("xiaolongbao", 1, "\"spice-hot\""), 422, "validation_failed" },
        { "required option missing (min)", ApiClient.OrderBody(ApiClient.BraisedPork, 1), 422, "validation_failed" },
        { "too many options (max)", ApiClient.OrderBody(ApiClient.BraisedPork, 1, "\"size-regular\",\"size-large\""), 422, "validation_failed" },
        { "duplicate option", ApiClient.OrderBody(ApiClient.BraisedPork, 1, "\"size-regular\",\"size-regular\""), 422, "validation_failed" },
        { "body over 64 KiB", "{\"type\":\"takeaway\",\"note\":\"" + new string('x', 70_000) + "\"}", 413, "payload_too_large" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PlaceOrder_BadInput_ReturnsProblemWithCodeAndChangesNothing(string name, string body, int status, string code)
    {
        var client = shared.App.Client();
        var before = await DatabaseState.CaptureAsync(shared.App);

        using var response = await client.PlaceOrderAsync(body);
        var problem = await response.JsonAsync();

        Assert.True(status == (int)response.StatusCode, $"{name}: expected {status}, got {(int)response.StatusCode} {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem.Code());
        Assert.Equal(status, (int)problem["status"]!);
        Assert.DoesNotContain("   at ", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseState.CaptureAsync(shared.App));
    }

    [Fact]
    public async Task PlaceOrder_UnknownStore_Returns404AndChangesNothing()
    {
        var client = shared.App.Client();
        var before = await DatabaseState.CaptureAsync(shared.App);

        using var response = await client.PlaceOrderAsync(ApiClient.OrderBody("xiaolongbao"), store: "atlantis");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.JsonAsync()).Code());
        Assert.Equal(before, await DatabaseState.CaptureAsync(shared.App));
    }

    [Fact]
    public async Task PlaceOrder_ValidationErrors_NameTheFields()
    {
        using var response = await shared.App.Client().PlaceOrderAsync(
            "{\"type\":\"takeaway\",\"items\":[{\"dishId\":\"xiaolongbao\",\"quantity\":0},{\"dishId\":\"xiaolongbao\",\"quantity\":100}]}");
        var errors = (await response.JsonAsync())["errors"]!.AsObject();

        Assert.Contains("items[0].quantity", errors.Select(e => e.Key));
        Assert.Contains("items[1].quantity", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task SetStockTotal_BadInput_ReturnsProblemAndChangesNothing()
    {
        var client = shared.App.Client();
        var before = await DatabaseState.CaptureAsync(shared.App);

        foreach (var (body, status, code) in new[]
        {
            ("{\"total\":-1}", 400, "validation_failed"),
            ("{\"total\":\"ten\"}", 400, "validation_failed"),
            ("{}", 400, "validation_failed"),
            ("{\"total\":", 400, "validation_failed"),
        })
        {
            using var response = await client.PutAsync(
                $"/api/v1/stores/{ApiClient.Store}/stock/{ApiClient.BraisedPork}",
                new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal(code, (await response.JsonAsync()).Code());
        }

        using var notLimited = await client.PutAsync(
            $"/api/v1/stores/{ApiClient.Store}/stock/xiaolongbao",
            new StringContent("{\"total\":5}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, notLimited.StatusCode);
        Assert.Equal(before, await DatabaseState.CaptureAsync(shared.App));
    }
}
