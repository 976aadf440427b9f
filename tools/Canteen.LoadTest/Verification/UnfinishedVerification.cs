using System.Text.Json;

namespace Canteen.LoadTest.Verification;

/// <summary>
/// Says why the post-run check could not finish, for the report: it proved nothing either way, so it fails, and the
/// reason is all the reader gets. Whatever was thrown gets one, so no error of the check ends the tool without a report.
/// </summary>
internal static class UnfinishedVerification
{
    public static string Reason(Exception e, bool interrupted, Uri url) => (e, interrupted) switch
    {
        // Interrupted, it is nobody's fault, so not "against" the server.
        (_, true) => "verification could not finish: interrupted (Ctrl+C)",
        // Before the bound's cancellation below: HttpClient's own timeout surfaces as a cancellation too.
        (RequestTimedOutException, _) => Against(url, e.Message),
        (OperationCanceledException, _) => Against(url, "it took longer than its bound of 10 minutes after --expire-wait"),
        (HttpRequestException or InvalidOperationException or JsonException or MalformedAnswerException, _) => Against(url, e.Message),
        // Anything else may as well be the tool's own mistake as the server's; its type says where to look.
        _ => $"verification could not finish: {e.GetType().Name}: {e.Message}",
    };

    private static string Against(Uri url, string reason) => $"verification could not finish against {url}: {reason}";
}
