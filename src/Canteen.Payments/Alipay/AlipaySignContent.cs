using System.Text;

namespace Canteen.Payments.Alipay;

/// <summary>
/// The string Alipay signs: parameters with non-empty values, sorted by key (ordinal, as Alipay's SDKs sort), joined
/// as <c>key=value</c> with <c>&amp;</c>, values raw (not URL-encoded). The caller leaves out <c>sign</c> (and, for
/// notifies, <c>sign_type</c>).
/// </summary>
internal static class AlipaySignContent
{
    public static string Build(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in parameters.Where(p => !string.IsNullOrEmpty(p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(key).Append('=').Append(value);
        }

        return builder.ToString();
    }
}
