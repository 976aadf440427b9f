using Canteen.Core.Payments;
using Canteen.Engine.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Canteen.Storage.Postgres.Writing;

/// <summary>
/// A <see cref="SavePayment"/> as one statement: the payment, the order change it causes and its idempotency record
/// are written together or not at all. Rare beside order inserts, so clarity wins over the set-based tricks of
/// <see cref="InsertRun"/>.
/// </summary>
internal static class SavePaymentCommand
{
    // All or nothing, even with several instances writing at once. Two conditional UPDATEs side by side are not enough:
    // one could pass and the other lose to a concurrent writer, leaving half a write. So both rows are locked first
    // (FOR UPDATE waits for a concurrent writer, then returns the row's newest version), both versions are checked on
    // the locked rows ("chk"), and every write is gated on that one verdict: nobody can move either row between the
    // check and the writes, and the UPDATEs re-find the newest (locked) row version themselves. The order is always
    // locked before the payment, so two instances saving payments of one order queue instead of deadlocking. A new
    // payment ($29 null) needs no lock: a duplicate id fails its INSERT, and so the batch, like any constraint error.
    // $1..$12 are the order change's parameters, as in an order update (all null without one).
    private const string Sql = $"""
        WITH ord AS MATERIALIZED (SELECT version FROM orders WHERE id = $4 FOR UPDATE),
        pay AS MATERIALIZED (SELECT version FROM payments WHERE id = $13 AND $29 IS NOT NULL FOR UPDATE),
        checks AS (
            SELECT ($4 IS NULL OR EXISTS (SELECT 1 FROM ord WHERE version = $5)) AS order_ok,
                   ($29 IS NULL OR EXISTS (SELECT 1 FROM pay WHERE version = $29)) AS payment_ok,
                   EXISTS (SELECT 1 FROM ord) AS order_found,
                   EXISTS (SELECT 1 FROM pay) AS payment_found),
        chk AS MATERIALIZED (SELECT order_ok AND payment_ok AS go, order_ok, order_found, payment_found FROM checks),
        u AS (
            UPDATE orders SET status = $1, version = $2, updated_at = $3 WHERE id = $4 AND (SELECT go FROM chk) RETURNING id),
        {WriteCommands.OrderEffectsSql},
        pu AS (
            UPDATE payments SET status = $20, provider_reference = $21, pay_url = $22, code_url = $23, version = $24,
                                attempts = $25, next_check_at = $26, updated_at = $28
            WHERE id = $13 AND $29 IS NOT NULL AND (SELECT go FROM chk)),
        pi AS (
            INSERT INTO payments (id, order_id, store_id, provider, method, amount, currency, status, provider_reference,
                                  pay_url, code_url, version, attempts, next_check_at, created_at, updated_at)
            SELECT $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28
            FROM chk WHERE $29 IS NULL AND go),
        k AS (
            INSERT INTO idempotency_keys (scope, key, request_hash, status_code, location, body, created_at)
            SELECT $30, $31, $32, $33, $34, $35, $36 FROM chk WHERE $30 IS NOT NULL AND go)
        SELECT go, CASE WHEN order_ok THEN payment_found ELSE order_found END FROM chk;
        """;

    /// <summary>Returns one row, like an order update: (written, the row that failed its check exists).</summary>
    public static NpgsqlBatchCommand Create(SavePayment write)
    {
        var payment = write.Payment;
        var key = write.Idempotency;
        return Parameters.Command(
            Sql,
            [
                .. WriteCommands.OrderChange(write.Order),
                Parameters.Of(payment.Id),
                Parameters.Of(payment.OrderId),
                Parameters.Of(payment.StoreId),
                Parameters.Of(payment.Provider),
                Parameters.Of(payment.Method, NpgsqlDbType.Text),
                Parameters.Of(payment.Amount.Minor),
                Parameters.Of(payment.Amount.Currency),
                Parameters.Of(PaymentStatusNames.ToWire(payment.Status)),
                Parameters.Of(payment.ProviderReference, NpgsqlDbType.Text),
                Parameters.Of(payment.PayUrl, NpgsqlDbType.Text),
                Parameters.Of(payment.CodeUrl, NpgsqlDbType.Text),
                Parameters.Of(payment.Version),
                Parameters.Of(payment.Attempts),
                Parameters.Of(payment.NextCheckAt is { } next ? StoredValues.ToTicks(next) : (long?)null, NpgsqlDbType.Bigint),
                Parameters.Of(StoredValues.ToTicks(payment.CreatedAt)),
                Parameters.Of(StoredValues.ToTicks(payment.UpdatedAt)),
                Parameters.Of(write.ExpectedVersion, NpgsqlDbType.Integer),
                Parameters.Of(key?.Scope, NpgsqlDbType.Text),
                Parameters.Of(key?.Key, NpgsqlDbType.Text),
                Parameters.Of(key?.RequestHash, NpgsqlDbType.Text),
                Parameters.Of(key?.StatusCode, NpgsqlDbType.Integer),
                Parameters.Of(key?.Location, NpgsqlDbType.Text),
                Parameters.Of(key?.Body, NpgsqlDbType.Bytea),
                Parameters.Of(key is null ? (long?)null : StoredValues.ToTicks(key.CreatedAt), NpgsqlDbType.Bigint),
            ]);
    }
}
