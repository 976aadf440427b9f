using Canteen.Core.Payments;
using Canteen.Core.Shared;
using System.Data.Common;

namespace Canteen.Engine.Storage;

/// <summary>
/// Turns a <c>payments</c> row, selected with <see cref="Columns"/>, back into the aggregate. Both storage adapters store
/// payments with the same columns and representations (ticks, wire names), so they share this one reader.
/// </summary>
public static class PaymentRows
{
    public const string Columns =
        "id, order_id, store_id, provider, method, amount, currency, status, provider_reference, pay_url, code_url, " +
        "version, attempts, next_check_at, created_at, updated_at";

    public static Payment Read(DbDataReader row) => Payment.Restore(new PaymentSnapshot(
        Id: row.GetInt64(0),
        OrderId: row.GetInt64(1),
        StoreId: row.GetString(2),
        Provider: row.GetString(3),
        Method: row.IsDBNull(4) ? null : row.GetString(4),
        Amount: new Money(row.GetInt64(5), row.GetString(6)),
        Status: ParseStatus(row.GetString(7)),
        ProviderReference: row.IsDBNull(8) ? null : row.GetString(8),
        PayUrl: row.IsDBNull(9) ? null : row.GetString(9),
        CodeUrl: row.IsDBNull(10) ? null : row.GetString(10),
        Version: row.GetInt32(11),
        Attempts: row.GetInt32(12),
        NextCheckAt: row.IsDBNull(13) ? null : StoredValues.FromTicks(row.GetInt64(13)),
        CreatedAt: StoredValues.FromTicks(row.GetInt64(14)),
        UpdatedAt: StoredValues.FromTicks(row.GetInt64(15))));

    private static PaymentStatus ParseStatus(string text) => PaymentStatusNames.TryParse(text, out var status)
        ? status
        : throw new InvalidDataException($"Unknown payment status '{text}' in storage.");
}
