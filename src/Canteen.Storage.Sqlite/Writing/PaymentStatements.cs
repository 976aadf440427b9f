using Canteen.Core.Payments;
using Canteen.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace Canteen.Storage.Sqlite.Writing;

/// <summary>The prepared statements that write the <c>payments</c> table.</summary>
internal sealed class PaymentStatements : IDisposable
{
    private readonly PreparedStatement _insert;
    private readonly PreparedStatement _update;
    private readonly PreparedStatement _exists;

    public PaymentStatements(SqliteConnection connection)
    {
        _insert = new PreparedStatement(
            connection,
            """
            INSERT INTO payments (id, order_id, store_id, provider, method, amount, currency, status, provider_reference,
                                  pay_url, code_url, version, attempts, next_check_at, created_at, updated_at)
            VALUES ($id, $order_id, $store_id, $provider, $method, $amount, $currency, $status, $provider_reference,
                    $pay_url, $code_url, $version, $attempts, $next_check_at, $created_at, $updated_at);
            """,
            "$id", "$order_id", "$store_id", "$provider", "$method", "$amount", "$currency", "$status", "$provider_reference",
            "$pay_url", "$code_url", "$version", "$attempts", "$next_check_at", "$created_at", "$updated_at");

        // Who pays what (order, store, provider, method, amount) and when it started are fixed at creation; every
        // other column may move, and only if nobody moved the payment since it was read (optimistic concurrency).
        _update = new PreparedStatement(
            connection,
            """
            UPDATE payments SET status = $status, provider_reference = $provider_reference, pay_url = $pay_url,
                                code_url = $code_url, version = $version, attempts = $attempts,
                                next_check_at = $next_check_at, updated_at = $updated_at
            WHERE id = $id AND version = $expected;
            """,
            "$status", "$provider_reference", "$pay_url", "$code_url", "$version", "$attempts", "$next_check_at", "$updated_at",
            "$id", "$expected");
        _exists = new PreparedStatement(connection, "SELECT EXISTS (SELECT 1 FROM payments WHERE id = $id);", "$id");
    }

    public void Insert(PaymentSnapshot payment) => _insert.Execute(
        payment.Id,
        payment.OrderId,
        payment.StoreId,
        payment.Provider,
        payment.Method,
        payment.Amount.Minor,
        payment.Amount.Currency,
        PaymentStatusNames.ToWire(payment.Status),
        payment.ProviderReference,
        payment.PayUrl,
        payment.CodeUrl,
        payment.Version,
        payment.Attempts,
        ToTicks(payment.NextCheckAt),
        StoredValues.ToTicks(payment.CreatedAt),
        StoredValues.ToTicks(payment.UpdatedAt));

    /// <summary>True when the row was at <paramref name="expectedVersion"/> and now holds the snapshot.</summary>
    public bool TryUpdate(PaymentSnapshot payment, int expectedVersion) => _update.Execute(
        PaymentStatusNames.ToWire(payment.Status),
        payment.ProviderReference,
        payment.PayUrl,
        payment.CodeUrl,
        payment.Version,
        payment.Attempts,
        ToTicks(payment.NextCheckAt),
        StoredValues.ToTicks(payment.UpdatedAt),
        payment.Id,
        expectedVersion) == 1;

    public bool Exists(long paymentId) => _exists.QueryInt64(paymentId) == 1;

    public void Dispose()
    {
        _insert.Dispose();
        _update.Dispose();
        _exists.Dispose();
    }

    private static long? ToTicks(DateTimeOffset? instant) => instant is { } value ? StoredValues.ToTicks(value) : null;
}
