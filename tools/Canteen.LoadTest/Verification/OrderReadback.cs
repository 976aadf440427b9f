using System.Net;
using System.Text.Json;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Verification;

/// <summary>
/// Reads back acknowledged orders: a 201 is a promise that the order is durable, so each must be readable after the
/// run. Reads run in parallel but bounded, and a shed read (429/503) is retried, so verification cannot overload.
/// After <c>--expire-wait</c> each order must also be cancelled: its payment window has passed.
/// </summary>
internal static class OrderReadback
{
    private const int Attempts = 4;

    /// <summary>Reads back every order, counting into <paramref name="tally"/> as it goes; returns a few of the failures.</summary>
    public static async Task<List<string>> RunAsync(
        HttpClient client,
        IReadOnlyList<AckedOrder> orders,
        string? staffAuthorization,
        int parallelism,
        bool expectCancelled,
        ReadbackTally tally,
        CancellationToken cancellationToken)
    {
        var samples = new List<string>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(orders, options, async (order, token) =>
        {
            var (status, orderStatus) = await ReadAsync(client, order, staffAuthorization, token);
            string? problem = null;
            if (status != HttpStatusCode.OK)
            {
                tally.AddMissing();
                problem = $"order {order.Id} ({order.Template.StoreId}) acknowledged with 201 but GET answered {(int)status}";
            }
            else if (expectCancelled && orderStatus != "cancelled")
            {
                tally.AddNotExpired();
                problem = $"order {order.Id} ({order.Template.StoreId}) is '{orderStatus}' after --expire-wait; expected cancelled (expired unpaid)";
            }
            else
            {
                tally.AddFound();
            }

            if (problem is not null)
            {
                lock (samples)
                {
                    if (samples.Count < 5)
                    {
                        samples.Add(problem);
                    }
                }
            }
        });
        return samples;
    }

    private static async Task<(HttpStatusCode Status, string? OrderStatus)> ReadAsync(
        HttpClient client, AckedOrder order, string? staffAuthorization, CancellationToken token)
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

            using var response = await VerificationRequest.SendAsync(client, request, token);
            status = response.StatusCode;
            if (status == HttpStatusCode.OK)
            {
                await using var body = await response.Content.ReadAsStreamAsync(token);
                using var json = await JsonDocument.ParseAsync(body, cancellationToken: token);
                return (status, OrderStatus(order, json.RootElement));
            }

            if (status is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests))
            {
                return (status, null);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * (attempt + 1)), token);
        }

        return (status, null);
    }

    /// <summary>
    /// The order's <c>status</c>, which the API promises as a string. An order read back without one is an answer the
    /// checks cannot use: it throws a <see cref="MalformedAnswerException"/> naming the order and what was wrong, not
    /// System.Text.Json's complaint about element types.
    /// </summary>
    private static string OrderStatus(AckedOrder order, JsonElement root)
    {
        var what = $"order {order.Id} ({order.Template.StoreId}) was read back";
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedAnswerException($"{what} as {MalformedAnswerException.Shown(root)}, not an order");
        }

        if (!root.TryGetProperty("status", out var status))
        {
            throw new MalformedAnswerException($"{what} without a status");
        }

        return status.ValueKind == JsonValueKind.String
            ? status.GetString()!
            : throw new MalformedAnswerException($"{what} with a status that is not a string ({MalformedAnswerException.Shown(status)})");
    }
}
