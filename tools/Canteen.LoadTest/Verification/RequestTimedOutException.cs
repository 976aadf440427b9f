using System.Globalization;

namespace Canteen.LoadTest.Verification;

/// <summary>
/// One verification request got no answer within the HTTP client's per-request timeout. HttpClient reports that as a
/// cancellation, as it does the verification's own bound and Ctrl+C; this names the request and the timeout instead.
/// </summary>
internal sealed class RequestTimedOutException(string path, TimeSpan timeout, Exception innerException)
    : TimeoutException($"a request to {path} got no answer within {Describe(timeout)}", innerException)
{
    /// <summary>Whole seconds as "30 s", what is shorter (a test's) as "300 ms".</summary>
    private static string Describe(TimeSpan timeout) => timeout >= TimeSpan.FromSeconds(1)
        ? timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
        : timeout.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
