using System.Globalization;
using Canteen.Engine.Errors;

namespace Canteen.Server.Api;

/// <summary>Ids are opaque to clients; anything that is not one of ours simply does not exist (404, never 400).</summary>
internal static class ApiIds
{
    public static long Parse(string value, string what) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new FailureException(Failure.NotFound($"{what} '{value}'"));
}
