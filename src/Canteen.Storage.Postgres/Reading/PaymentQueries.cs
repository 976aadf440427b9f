using Canteen.Core.Payments;
using Canteen.Engine.Storage;
using Npgsql;

namespace Canteen.Storage.Postgres.Reading;

/// <summary>Payment reads, each on a pooled connection for just as long as the statement runs.</summary>
internal sealed class PaymentQueries(NpgsqlDataSource dataSource)
{
    public async Task<Payment?> FindAsync(long paymentId, CancellationToken cancellationToken)
    {
        var found = await ReadAsync($"SELECT {PaymentRows.Columns} FROM payments WHERE id = $1;", paymentId, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>An order has a handful of payments at most: sorting them costs nothing beside the index lookup.</summary>
    public Task<IReadOnlyList<Payment>> FindOfOrderAsync(long orderId, CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {PaymentRows.Columns} FROM payments WHERE order_id = $1 ORDER BY created_at, id;", orderId, cancellationToken);

    public async Task<IReadOnlyList<long>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);

        // The predicate repeats the partial index's (IS NOT NULL), so the planner walks that small index in order and
        // stops at the limit.
        await using var command = dataSource.CreateCommand(
            "SELECT id FROM payments WHERE next_check_at IS NOT NULL AND next_check_at <= $1 ORDER BY next_check_at, id LIMIT $2;");
        command.Parameters.Add(Parameters.Of(StoredValues.ToTicks(now)));
        command.Parameters.Add(Parameters.Of(limit));
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private async Task<IReadOnlyList<Payment>> ReadAsync(string sql, long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(Parameters.Of(id));
        var payments = new List<Payment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            payments.Add(PaymentRows.Read(reader));
        }

        return payments;
    }
}
