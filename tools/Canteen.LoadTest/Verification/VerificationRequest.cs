namespace Canteen.LoadTest.Verification;

/// <summary>
/// Sends the verification's requests. A request ended by the client's own timeout is told apart from one cancelled by
/// the caller (the verification's bound, Ctrl+C): HttpClient then throws a TaskCanceledException whose inner exception
/// is a TimeoutException while the caller's token is not cancelled, and this rethrows it naming the request.
/// </summary>
internal static class VerificationRequest
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, cancellationToken);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw new RequestTimedOutException(PathOf(request.RequestUri), client.Timeout, e);
        }
    }

    // HttpClient makes a relative address absolute against its base address before sending; either way the path is
    // what tells the requests apart (the base address is the run's --url, said elsewhere).
    private static string PathOf(Uri? uri) => uri is null ? "(no address)" : uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString;
}
