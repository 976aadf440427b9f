using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Canteen.Server.Tests.Crash;

/// <summary>
/// Several guests ordering at once until the server dies: a mix of limited dishes (held stock, one of them scarce so
/// some orders are refused sold out) and unlimited ones, and about a third of the orders cancelled again.
/// </summary>
internal static class CrashWorkload
{
    public const string Store = "sh-jingan";

    /// <summary>Runs <paramref name="clients"/> guests until <paramref name="stop"/> or until the server stops answering.</summary>
    public static Task RunAsync(HttpClient client, int clients, int seed, Acknowledgements acks, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => GuestAsync(client, new Random(seed + i), acks, stop), CancellationToken.None)));

    private static async Task GuestAsync(HttpClient client, Random random, Acknowledgements acks, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await OrderOnceAsync(client, random, acks, stop);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
            {
                // The server was killed under this request (or the cycle ended): its outcome is unknown, nothing promised.
                acks.RequestLost();
                return;
            }
        }
    }

    private static async Task OrderOnceAsync(HttpClient client, Random random, Acknowledgements acks, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/stores/{Store}/orders")
        {
            Content = new StringContent(NextOrder(random), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request, stop);
        var body = await response.Content.ReadAsStringAsync(stop);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Created:
                var orderId = long.Parse((string)JsonNode.Parse(body)!["id"]!, CultureInfo.InvariantCulture);
                acks.OrderCreated(orderId);
                if (random.Next(3) == 0)
                {
                    await CancelAsync(client, orderId, acks, stop);
                }

                break;
            case HttpStatusCode.Conflict when body.Contains("\"sold_out\"", StringComparison.Ordinal):
                acks.SoldOutRefused();
                break;
            default:
                acks.Surprise($"POST order → {(int)response.StatusCode}: {body}");
                break;
        }
    }

    private static async Task CancelAsync(HttpClient client, long orderId, Acknowledgements acks, CancellationToken stop)
    {
        using var response = await client.PostAsync(new Uri($"/api/v1/orders/{orderId}/cancel", UriKind.Relative), null, stop);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            acks.OrderCancelled(orderId);
        }
        else
        {
            acks.Surprise($"cancel {orderId} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(stop)}");
        }
    }

    private static string NextOrder(Random random) => random.Next(10) switch
    {
        < 3 => Body(("braised-pork", random.Next(1, 3), "size-regular")),
        < 4 => Body(("peking-duck", 1, null)),
        < 6 => Body(("crayfish", random.Next(1, 3), "spice-mild"), ("xiaolongbao", 1, null)),
        _ => Body(("xiaolongbao", random.Next(1, 4), null), ("har-gow", 1, null)),
    };

    private static string Body(params (string Dish, int Quantity, string? Option)[] lines)
    {
        var items = lines.Select(l => l.Option is null
            ? $$"""{"dishId":"{{l.Dish}}","quantity":{{l.Quantity}}}"""
            : $$"""{"dishId":"{{l.Dish}}","quantity":{{l.Quantity}},"options":["{{l.Option}}"]}""");
        return $$"""{"type":"takeaway","items":[{{string.Join(',', items)}}]}""";
    }
}
