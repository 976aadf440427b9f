using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Canteen.LoadTest.Tests.Support;

/// <summary>
/// Answers a client's requests from a function, and keeps what was asked, so a class that talks HTTP can be fed
/// hand-built answers (a server that loses an order, a stock level that does not add up) without a socket.
/// </summary>
internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public ConcurrentQueue<(HttpMethod Method, string Path, string? Authorization)> Requests { get; } = new();

    /// <summary>The answering function, for a handler that changes a few answers of another.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage> Answer => answer;

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Status(HttpStatusCode status) => new(status) { Content = new ByteArrayContent([]) };

    public HttpClient Client() => new(this) { BaseAddress = new Uri("http://127.0.0.1:5080") };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.TryGetValues("Authorization", out var values) ? values.Single() : null;
        Requests.Enqueue((request.Method, request.RequestUri!.AbsolutePath, authorization));
        return Task.FromResult(answer(request));
    }
}
