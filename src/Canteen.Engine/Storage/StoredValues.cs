using Canteen.Core.Ordering;

namespace Canteen.Engine.Storage;

/// <summary>
/// How domain values are spelled in every storage adapter's columns, in one place so the adapters cannot drift.
/// Instants are UTC ticks so they compare and round-trip exactly (an ISO string or timestamptz would lose
/// sub-microsecond precision, and the storage contract promises every tick back); enums use their wire names so rows
/// stay readable and survive enum reordering.
/// </summary>
public static class StoredValues
{
    public static long ToTicks(DateTimeOffset instant) => instant.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

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
