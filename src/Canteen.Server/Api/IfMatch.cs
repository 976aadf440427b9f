using System.Globalization;
using Canteen.Core.Shared;
using Canteen.Engine.Errors;
using Microsoft.Extensions.Primitives;

namespace Canteen.Server.Api;

/// <summary>The order version as an entity tag: <c>"3"</c>. Clients send it back in <c>If-Match</c>.</summary>
internal static class IfMatch
{
    public static string ETagOf(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>The expected version, or null when the header is absent or <c>*</c>.</summary>
    public static int? Parse(StringValues header)
    {
        if (header.Count == 0 || header[0] is null or "*")
        {
            return null;
        }

        var value = header[0]!.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        value = value.Trim('"');
        return header.Count == 1 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new FailureException(Failure.Invalid([new ValidationError("If-Match", "If-Match must be one order version, e.g. \"3\".")]));
    }
}
