using System.Collections.Concurrent;
using Canteen.Core.Ordering;
using Canteen.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace Canteen.Storage.Sqlite;

/// <summary>
/// Each guest's orders waiting for payment (created or paying), in memory. In embedded mode this process is the
/// file's only writer, so the counts follow every committed batch exactly: loaded at start, then moved by what each
/// batch committed. It replaces a read per placement while the guest cap is on (the default): a pooled reader whose
/// page cache every commit invalidates, ≈ 100 µs of CPU per order, and the index that served it, a random page
/// written per order.
/// </summary>
internal sealed class UnpaidCounts
{
    // Changed only by the writer (one batch at a time), read by any request: a guest without unpaid orders has no entry.
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Of(string ownerId) => _counts.GetValueOrDefault(ownerId);

    public void Load(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _counts.Clear();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT owner_id, COUNT(*) FROM orders WHERE status IN ('created', 'paying') GROUP BY owner_id;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _counts[reader.GetString(0)] = reader.GetInt32(1);
        }
    }

    /// <summary>Moves the counts by a batch that committed; a write that did not commit changed nothing.</summary>
    public void Apply(IReadOnlyList<StorageWrite> batch, IReadOnlyList<WriteOutcome> outcomes)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] != WriteOutcome.Committed)
            {
                continue;
            }

            switch (batch[i])
            {
                case InsertOrder insert when OrderTransitions.HoldsStock(insert.Order.Status):
                    Add(insert.Order.OwnerId, 1);
                    break;
                case UpdateOrder update:
                    Moved(update);
                    break;
                case SavePayment { Order: { } update }:
                    Moved(update);
                    break;
            }
        }
    }

    private void Moved(UpdateOrder update)
    {
        if (OrderTransitions.EndsUnpaid(update.Order.Status))
        {
            Add(update.Order.OwnerId, -1);
        }
    }

    private void Add(string ownerId, int delta)
    {
        var count = _counts.GetValueOrDefault(ownerId) + delta;
        if (count > 0)
        {
            _counts[ownerId] = count;
        }
        else
        {
            _counts.TryRemove(ownerId, out _);
        }
    }
}
