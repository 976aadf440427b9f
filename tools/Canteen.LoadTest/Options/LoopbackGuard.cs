using System.Net;

namespace Canteen.LoadTest.Options;

/// <summary>
/// The tool only ever targets this machine: a load test aimed at someone else's server is an attack, so any host
/// that is not a loopback name or address is refused before a single request is sent.
/// </summary>
internal static class LoopbackGuard
{
    public static bool IsLoopback(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        var host = url.Host;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // IPAddress.IsLoopback covers the whole 127.0.0.0/8 range and ::1; Uri keeps the brackets of IPv6 hosts.
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
