using System.Globalization;
using Canteen.Core.Ordering;
using Canteen.Engine.Storage;

namespace Canteen.Storage.Sqlite;

/// <summary>
/// How domain values are spelled in columns. Instants are UTC ticks so they compare and round-trip exactly (an
/// ISO string would lose sub-millisecond precision or sort wrongly across offsets); enums use their wire names so
/// the file stays readable and survives enum reordering.
/// </summary>
internal static class StorageValues
{
    private const string DayFormat = "yyyy-MM-dd";

    public static long ToTicks(DateTimeOffset instant) => instant.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    public static string ToText(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, DayFormat, CultureInfo.InvariantCulture);

    public static OrderStatus ParseStatus(string text) => OrderStatusNames.TryParseStatus(text, out var status)
        ? status
        : throw new InvalidDataException($"Unknown order status '{text}' in storage.");

    public static OrderType ParseType(string text) => OrderStatusNames.TryParseType(text, out var type)
        ? type
        : throw new InvalidDataException($"Unknown order type '{text}' in storage.");

    public static string ToText(HoldState state) => state switch
    {
        HoldState.Held => "held",
        HoldState.Confirmed => "confirmed",
        HoldState.Released => "released",
        HoldState.Settled => "settled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static HoldState ParseHoldState(string text) => text switch
    {
        "held" => HoldState.Held,
        "confirmed" => HoldState.Confirmed,
        "released" => HoldState.Released,
        "settled" => HoldState.Settled,
        _ => throw new InvalidDataException($"Unknown hold state '{text}' in storage."),
    };
}
