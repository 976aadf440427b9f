using Canteen.Engine.Storage;

namespace Canteen.Redis;

/// <summary>An order's lines as the authority holds them: one line per dish, quantities summed, sorted by dish id.</summary>
internal static class RequestedLines
{
    public static HoldLine[] Combine(IReadOnlyList<HoldLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(line.Quantity);
        }

        return lines
            .GroupBy(l => l.DishId, StringComparer.Ordinal)
            .Select(g => new HoldLine(g.Key, g.Sum(l => l.Quantity)))
            .OrderBy(l => l.DishId, StringComparer.Ordinal)
            .ToArray();
    }
}
