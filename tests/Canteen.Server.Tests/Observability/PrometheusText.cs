using System.Globalization;

namespace Canteen.Server.Tests.Observability;

/// <summary>Reads samples from the Prometheus text exposition format served at <c>/metrics</c>.</summary>
internal static class PrometheusText
{
    /// <summary>The sum of every sample of <paramref name="metric"/> whose labels include all of <paramref name="labels"/>.</summary>
    public static double Sum(string exposition, string metric, params (string Name, string Value)[] labels)
    {
        var total = 0.0;
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(metric, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[metric.Length..];
            if (rest.Length == 0 || (rest[0] != '{' && rest[0] != ' '))
            {
                continue; // another metric whose name starts with this one
            }

            var labelText = rest[0] == '{' ? rest[..(rest.IndexOf('}', StringComparison.Ordinal) + 1)] : string.Empty;
            if (labels.All(l => labelText.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)))
            {
                var value = rest[labelText.Length..].Trim().Split(' ')[0];
                total += double.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    /// <summary>The metric names that have at least one sample.</summary>
    public static IReadOnlySet<string> Names(string exposition) =>
        exposition.Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l[..l.IndexOfAny(['{', ' '])])
            .ToHashSet(StringComparer.Ordinal);
}
