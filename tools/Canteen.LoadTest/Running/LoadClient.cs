using System.Net;

namespace Canteen.LoadTest.Running;

/// <summary>
/// The one HTTP client of a run: one connection pool sized to the run's concurrency, HTTP/1.1 keep-alive, nothing
/// the server would not see from a real client app (no cookies, proxies, redirects or compression).
/// </summary>
internal static class LoadClient
{
    public static HttpClient Create(Uri baseAddress, int connections, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            // No trace headers: the client's own tracing would be work the server does not need to see.
            ActivityHeadersPropagator = null,
        };
        return new HttpClient(handler)
        {
            BaseAddress = baseAddress,
            // Bounds every request, and so how long a run can take to drain after its deadline.
            Timeout = timeout,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }
}
