using System.Net;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Verification;

/// <summary>
/// Reads back acknowledged orders: a 201 is a promise that the order is durable, so each must be readable after the
/// run. Reads run in parallel but bounded, and a shed read (429/503) is retried, so verification cannot overload.
/// </summary>
internal static class OrderReadback
{
    private const int Attempts = 4;

    public static async Task<(long Checked, long Missing, List<string> Samples)> RunAsync(
        HttpClient client, IReadOnlyList<AckedOrder> orders, string? staffAuthorization, int parallelism, CancellationToken cancellationToken)
    {
        long missing = 0;
        var samples = new List<string>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(orders, options, async (order, token) =>
        {
            var status = await ReadAsync(client, order, staffAuthorization, token);
            if (status != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref missing);
                lock (samples)
                {
                    if (samples.Count < 5)
                    {
                        samples.Add($"order {order.Id} ({order.Template.StoreId}) acknowledged with 201 but GET answered {(int)status}");
                    }
                }
            }
        });
        return (orders.Count, missing, samples);
    }

    private static async Task<HttpStatusCode> ReadAsync(HttpClient client, AckedOrder order, string? staffAuthorization, CancellationToken token)
    {
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/orders/" + Uri.EscapeDataString(order.Id), UriKind.Relative));
            // A guest may read only its own orders, so the order is read with the token that placed it.
            var authorization = order.Template.Authorization ?? staffAuthorization;
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var response = await client.SendAsync(request, token);
            status = response.StatusCode;
            if (status is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests))
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * (attempt + 1)), token);
        }

        return status;
    }
}
