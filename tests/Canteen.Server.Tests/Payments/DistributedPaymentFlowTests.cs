using System.Net;
using Canteen.Server.Tests.Support;
using Npgsql;

namespace Canteen.Server.Tests.Payments;

/// <summary>
/// The saga in distributed mode: PostgreSQL as the system of record (payments and orders in one transaction there)
/// and Redis as the stock authority (confirm on payment, return on refund from <c>paid</c>), on the real servers.
/// </summary>
public sealed class DistributedPaymentFlowTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PayRefundAndLateCapture_OnPostgresAndRedis_StockAndPaymentsAgree()
    {
        var postgres = TestServices.RequirePostgres("the payment saga");
        var redis = await TestServices.RequireRedisAsync("the payment saga with Redis stock");
        var schema = "pay_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var app = new CanteenApp(settings: new Dictionary<string, string?>
            {
                ["Canteen:Storage"] = "postgres",
                ["Canteen:Postgres:ConnectionString"] = postgres,
                ["Canteen:Postgres:Schema"] = schema,
                ["Canteen:Stock"] = "redis",
                ["Canteen:Redis:Configuration"] = redis,
                ["Canteen:Redis:KeyPrefix"] = schema + ":",
            });
            var guest = app.GuestClient();
            var staff = app.StaffClient();

            // Paid, then refunded before cooking: the portions are sold, then available again.
            var (refundedOrder, refundedPayment) = await guest.OrderAndPaymentAsync(2);
            await guest.SandboxAsync(refundedPayment, "succeed");
            Assert.Equal("paid", await guest.OrderStatusAsync(refundedOrder));
            await app.Client().AssertLevelSoonAsync(ApiClient.BraisedPork, (48, 0, 2, 50), Bound);
            using (var refund = await staff.PostAsync($"/api/v1/orders/{refundedOrder}/refund"))
            {
                Assert.Equal(HttpStatusCode.OK, refund.StatusCode);
            }

            await app.Client().AssertLevelSoonAsync(ApiClient.BraisedPork, (50, 0, 0, 50), Bound);
            await guest.PollAsync($"/api/v1/payments/{refundedPayment}", p => (string?)p["status"] == "refunded", Bound);

            // Paid and kept.
            var (keptOrder, keptPayment) = await guest.OrderAndPaymentAsync(1);
            await guest.SandboxAsync(keptPayment, "succeed");

            // Captured after the guest cancelled: refunded automatically, the hold released.
            var (lateOrder, latePayment) = await guest.OrderAndPaymentAsync(3);
            using (var cancel = await guest.PostAsync($"/api/v1/orders/{lateOrder}/cancel"))
            {
                Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            }

            await guest.SandboxAsync(latePayment, "succeed");
            await guest.PollAsync($"/api/v1/payments/{latePayment}", p => (string?)p["status"] == "refunded", Bound);

            Assert.Equal("paid", await guest.OrderStatusAsync(keptOrder));
            await app.Client().AssertLevelSoonAsync(ApiClient.BraisedPork, (49, 0, 1, 50), Bound);
            await app.Client().AssertInvariantOkAsync();

            // The payments really are in PostgreSQL (not in a SQLite file the host fell back to).
            await using var check = new NpgsqlConnection(postgres);
            await check.OpenAsync();
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {schema}.payments", check);
            Assert.Equal(3L, (long)(await count.ExecuteScalarAsync())!);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
