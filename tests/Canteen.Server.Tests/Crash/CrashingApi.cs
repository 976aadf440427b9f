using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Canteen.Server.Tests.Crash;

/// <summary>
/// HTTP to a server that is killed and restarted under the caller (on a new port each time): a request cut off by a
/// kill, refused while the server is down, or stuck past its timeout is sent again, unchanged, once the server is back.
/// Callers therefore see every answer of a step that may have happened twice, and read a 409 as "maybe my first try".
/// </summary>
internal sealed class CrashingApi(Func<Uri?> address, HttpClient http)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);
    private int _answered;
    private int _cutOff;

    /// <summary>Requests the server answered (any status).</summary>
    public int Answered => Volatile.Read(ref _answered);

    /// <summary>Requests sent again because the server died under them, was down, or did not answer in time.</summary>
    public int CutOff => Volatile.Read(ref _cutOff);

    public Task<Reply> GetAsync(string path, string token, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, token, null, null, cancellationToken);

    public Task<Reply> PostAsync(string path, string? token, CancellationToken cancellationToken, string? body = null, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, path, token, body, idempotencyKey, cancellationToken);

    private async Task<Reply> SendAsync(HttpMethod method, string path, string? token, string? body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (address() is not { } server)
            {
                await Task.Delay(50, cancellationToken);
                continue;
            }

            try
            {
                using var request = new HttpRequestMessage(method, new Uri(server, path));
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                if (idempotencyKey is not null)
                {
                    request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
                }

                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(RequestTimeout);
                using var response = await http.SendAsync(request, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                Interlocked.Increment(ref _answered);
                return new Reply((int)response.StatusCode, text);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Killed under this request, not listening yet, or stuck: unknown whether it happened; send it again.
                Interlocked.Increment(ref _cutOff);
                await Task.Delay(100, cancellationToken);
            }
        }
    }
}

/// <summary>An answer: the status and the body (JSON for everything this workload calls).</summary>
internal sealed record Reply(int Status, string Body)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    /// <summary>A problem's <c>code</c>, or null.</summary>
    public string? Code => Status >= 400 && Body.StartsWith('{') ? (string?)Json?["code"] : null;

    /// <summary>A problem's <c>detail</c>, or an empty string.</summary>
    public string Detail => Status >= 400 && Body.StartsWith('{') ? (string?)Json?["detail"] ?? "" : "";

    /// <summary>A string property of a JSON object body.</summary>
    public string? this[string property] => (string?)Json?[property];

    public override string ToString() => $"{Status} {(Body.Length > 300 ? Body[..300] + "…" : Body)}";
}
