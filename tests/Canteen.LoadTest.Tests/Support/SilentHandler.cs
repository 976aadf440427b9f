using System.Diagnostics;

namespace Canteen.LoadTest.Tests.Support;

/// <summary>
/// A server that never answers, without a socket: every request waits until it is cancelled, by its caller or by
/// the HttpClient's own timeout, so a test can tell those two apart.
/// </summary>
internal sealed class SilentHandler : HttpMessageHandler
{
    public HttpClient Client(TimeSpan timeout) => new(this) { BaseAddress = new Uri("http://127.0.0.1:5080"), Timeout = timeout };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new UnreachableException("An infinite delay ended without being cancelled.");
    }
}
