using System.Text.Json;

namespace Canteen.LoadTest.Verification;

/// <summary>
/// The server answered a verification read in a shape the API does not promise, so the checks cannot use the answer.
/// The message says where and what was wrong (<c>stock of sh-jingan lists dish braised-pork twice</c>): it is shown
/// as it is, as the reason the verification failed.
/// </summary>
internal sealed class MalformedAnswerException(string message) : Exception(message)
{
    /// <summary>The offending JSON as the server wrote it, cut short: enough to recognise, not a page of it.</summary>
    public static string Shown(JsonElement element)
    {
        var raw = element.GetRawText();
        return raw.Length > 40 ? raw[..40] + "..." : raw;
    }
}
