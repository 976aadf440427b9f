using System.Buffers.Binary;

namespace Canteen.Engine.Outbox;

/// <summary>
/// Outbox event ids are version-7 GUIDs (<see cref="OrderEvents"/>): their first 48 bits are the Unix time in
/// milliseconds, so ordering by id orders by time, as text ("D" format) and as a PostgreSQL uuid alike. That lets
/// storage find "events older than T" as a range of the primary key, with no index on a time column to pay for on
/// every insert.
/// </summary>
public static class OutboxEventIds
{
    /// <summary>
    /// The smallest id of <paramref name="time"/>'s millisecond: every version-7 id made earlier sorts below it, every
    /// one made at or after it sorts above (the version nibble 7 follows the timestamp, and every other bit here is 0).
    /// </summary>
    public static Guid Floor(DateTimeOffset time)
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes.Clear();
        var milliseconds = Math.Max(0, time.ToUnixTimeMilliseconds());
        // The 48-bit timestamp big-endian in bytes 0..5 (shifted to the top of 64 bits; bytes 6 and 7 stay 0).
        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16);
        return new Guid(bytes, bigEndian: true);
    }
}
